package org.roundtable.conference.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.roundtable.conference.application.PublicAddress;
import org.roundtable.conference.interfaces.security.SessionCookies;

/**
 * When the server's public address is HTTPS (roundtable.public-url), a request that arrived
 * over plain HTTP is sent to the same address over HTTPS before anything is read or shown:
 * nobody signs in, and no record travels, in clear. 308 keeps the method and body.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TlsRedirectFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var target = httpsAddress(SessionCookies.isSecure(request), PublicAddress.base(), request.getRequestURI(), request.getQueryString());
        if (target.isPresent()) {
            response.setStatus(308);
            response.setHeader("Location", target.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Where a plain-HTTP request should go instead, or nothing when TLS is not configured or already used. */
    static Optional<String> httpsAddress(boolean secure, String publicBase, String requestUri, String query) {
        if (secure || !publicBase.startsWith("https://")) {
            return Optional.empty();
        }
        return Optional.of(publicBase + requestUri + (query == null ? "" : "?" + query));
    }
}
