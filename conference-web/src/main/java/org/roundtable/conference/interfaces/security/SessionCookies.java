package org.roundtable.conference.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.roundtable.conference.domain.model.access.UserSession;

/**
 * The two cookies of a session. The session cookie is HttpOnly (scripts never see it),
 * SameSite=Strict, and Secure whenever the request came over TLS. The CSRF cookie is readable
 * by the page's own script, which echoes it in the X-CSRF-Token header of every change;
 * another site can neither read it nor make the browser send the header.
 */
public final class SessionCookies {

    public static final String SESSION = "RT_SESSION";
    public static final String CSRF = "RT_CSRF";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookies() {
    }

    public static Optional<String> sessionToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> SESSION.equals(c.getName()))
                .map(jakarta.servlet.http.Cookie::getValue).findFirst();
    }

    /** Set-Cookie header values that start a session. */
    public static List<String> start(HttpServletRequest request, String sessionToken, String csrfToken) {
        long maxAge = UserSession.ABSOLUTE_TIMEOUT.toSeconds();
        return List.of(cookie(request, SESSION, sessionToken, maxAge, true), cookie(request, CSRF, csrfToken, maxAge, false));
    }

    /** Set-Cookie header values that make the browser forget the session. */
    public static List<String> end(HttpServletRequest request) {
        return List.of(cookie(request, SESSION, "", 0, true), cookie(request, CSRF, "", 0, false));
    }

    private static String cookie(HttpServletRequest request, String name, String value, long maxAge, boolean httpOnly) {
        var sb = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; Max-Age=").append(maxAge).append("; SameSite=Strict");
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (isSecure(request)) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    /** TLS at the server, or at a proxy in front of it that says so. */
    static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
