package org.roundtable.conference.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Serves GOV.UK Frontend from its WebJar under stable addresses: /govuk/* for its CSS and
 * JavaScript, and /assets/* where its stylesheet expects images. Pages never name the WebJar's
 * version, so upgrading it is a one-line change in the POM.
 */
@WebFilter(urlPatterns = {"/govuk/*", "/assets/*"})
public class GovukFrontendFilter extends HttpFilter {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";
    private String root;

    @Override
    public void init(FilterConfig config) throws ServletException {
        var properties = new Properties();
        try (InputStream in = GovukFrontendFilter.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new ServletException("The govuk-frontend WebJar is missing from WEB-INF/lib");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new ServletException(e);
        }
        root = "/webjars/govuk-frontend/" + properties.getProperty("version") + "/dist/govuk";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String target = path.startsWith("/govuk/") ? root + path.substring("/govuk".length()) : root + path;
        response.setHeader("Cache-Control", "public, max-age=86400");
        request.getRequestDispatcher(target).forward(request, response);
    }
}
