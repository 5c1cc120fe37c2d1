package org.roundtable.conference.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.roundtable.conference.infrastructure.cache.SharedAllowances;
import org.roundtable.conference.interfaces.problem.Problem;

/**
 * Throttles every way in (password, code, invitation, confirmation and unlock links, and the
 * invitation link's own page and answers) per source address before the request reaches
 * anything costly. Every POST under /api/auth and /api/invitations counts except signing out,
 * which is recognised only by its exact, canonical path: "/api/auth/sign-out/../codes" is a
 * request for a code and counts like one. Counted in the cache every node shares, so that on a
 * cluster one address has one allowance, whichever node its requests reach.
 */
@WebFilter(urlPatterns = {"/api/auth/*", "/api/invitations/*"})
public class SignInThrottleFilter extends HttpFilter {

    private static final String KEY = "sign-in ";

    @Inject
    private SharedAllowances allowances;

    private SignInThrottle throttle;
    private final ClientAddress addresses = ClientAddress.configured();

    @Override
    public void init() {
        throttle = SignInThrottle.configured(new SignInThrottle.Store() {
            @Override
            public Long fullAt(String source) {
                return allowances.fullAt(KEY + source);
            }

            @Override
            public boolean replace(String source, Long expected, long next, Duration keep) {
                return allowances.replace(KEY + source, expected, next, keep);
            }
        });
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (counts(request.getMethod(), path)) {
            var wait = throttle.take(addresses.of(request));
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                var problem = Problem.of(429, "Too Many Requests",
                        "Too many attempts to sign in from your network. Please wait " + seconds + " seconds and try again.");
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType(Problem.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(problem.toJson());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether a request, by its canonical path (servlet path and path info: decoded, dots resolved), uses up allowance. */
    static boolean counts(String method, String path) {
        return "POST".equals(method) && !path.equals("/api/auth/sign-out") && !path.equals("/api/auth/sign-out-everywhere");
    }
}
