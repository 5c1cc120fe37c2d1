package org.roundtable.conference.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.regex.Pattern;
import org.roundtable.conference.application.ReportService;
import org.roundtable.conference.application.ReportTooLarge;
import org.roundtable.conference.application.SignInService;
import org.roundtable.conference.interfaces.problem.Problem;

/**
 * Every API request (and every live connection's handshake) passes here first: its body size is bounded, its session cookie is
 * resolved against current data, and a change (POST, PUT, PATCH, DELETE) must prove it comes
 * from our own pages: with a session, by echoing the CSRF token; without one (signing in), by
 * an Origin that is this server.
 */
@WebFilter(urlPatterns = {"/api/*", "/live/*"}, asyncSupported = true)
public class SessionFilter extends HttpFilter {

    /** API bodies are small forms; anything larger is a mistake or an attack. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern REPORT_UPLOAD = Pattern.compile(".*/api/conferences/[0-9a-fA-F-]{36}/reports");

    @Inject
    private SignInService signIn;

    @Inject
    private CallerContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest effective = request;
        var session = SessionCookies.sessionToken(request).flatMap(signIn::resolve);
        if (CHANGES.contains(request.getMethod())) {
            // Reports are PDFs of a few megabytes, from staff who are signed in; everything else is
            // small JSON, which the server reads whole before a worker sees it (see configure-web.cli).
            boolean report = session.isPresent() && REPORT_UPLOAD.matcher(request.getRequestURI()).matches();
            long limit = report ? ReportService.MAX_BYTES : MAX_BODY_BYTES;
            String tooLarge = report ? new ReportTooLarge(ReportService.MAX_BYTES).getMessage()
                    : "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB. Send less.";
            long length = request.getContentLengthLong();
            if (length > limit) {
                reject(response, Problem.of(413, "Content Too Large", tooLarge));
                return;
            }
            if (length < 0) {
                var bounded = BoundedBodyRequest.read(request, (int) limit);
                if (bounded == null) {
                    reject(response, Problem.of(413, "Content Too Large", tooLarge));
                    return;
                }
                effective = bounded;
            }
        }

        session.ifPresent(context::set);

        // A live connection is only opened for someone signed in; the endpoint checks the rest.
        if (request.getRequestURI().startsWith(request.getContextPath() + "/live/") && session.isEmpty()) {
            reject(response, Problem.of(401, "Unauthorized", "Please sign in to join a live conference."));
            return;
        }

        if (CHANGES.contains(request.getMethod())) {
            if (session.isPresent()) {
                String offered = request.getHeader(SessionCookies.CSRF_HEADER);
                if (offered == null || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.US_ASCII),
                        session.get().csrfToken().getBytes(StandardCharsets.US_ASCII))) {
                    reject(response, Problem.of(403, "Forbidden",
                            "This change did not come from a Roundtable page (the security token is missing or wrong). Reload the page and try again."));
                    return;
                }
            } else if (!sameOrigin(request)) {
                reject(response, Problem.of(403, "Forbidden", "Requests from other websites are not accepted."));
                return;
            }
        }
        chain.doFilter(effective, response);
    }

    /** A browser always sends Origin on cross-site POSTs; when it is there it must be us. */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void reject(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson());
    }
}
