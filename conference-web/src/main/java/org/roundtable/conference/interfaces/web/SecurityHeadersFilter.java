package org.roundtable.conference.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.roundtable.conference.interfaces.security.SessionCookies;

/**
 * Headers that make the browser refuse what our pages never need: scripts or styles from
 * elsewhere, being framed by any site, guessing content types, leaking the address; over TLS,
 * falling back to plain HTTP. Pages and API answers carry a family's record, so the browser
 * keeps none of them (no-store also keeps them out of the back/forward cache).
 *
 * <p>Declared in web.xml, first of all filters and for forwards and error pages too: the
 * pages PageRouteFilter forwards to the shell and the not-found page get the same headers.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    /** A year, the value browsers' preload lists ask for. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (SessionCookies.isSecure(request)) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || PageRouteFilter.isPage(path) || path.endsWith(".html")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
