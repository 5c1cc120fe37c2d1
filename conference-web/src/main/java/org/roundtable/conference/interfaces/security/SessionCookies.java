package org.roundtable.conference.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two cookies of a session. The session cookie is HttpOnly (scripts never see it) and
 * SameSite=Strict. The CSRF cookie is readable by the page's own script, which echoes it in the
 * X-CSRF-Token header of every change; another site can neither read it nor make the browser
 * send the header.
 *
 * <p>Both are browser-session cookies (no Max-Age): closing the browser forgets them, and the
 * server's own idle and absolute limits end the session itself. Over TLS (at the server, or at a
 * proxy that says so) they are Secure and carry the __Host- prefix, so the browser only accepts
 * them from this host over TLS, for the whole site: a plain-HTTP page or a sibling domain
 * cannot plant a session of its choosing.
 */
public final class SessionCookies {

    public static final String SESSION = "RT_SESSION";
    public static final String CSRF = "RT_CSRF";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String HOST_PREFIX = "__Host-";

    private SessionCookies() {
    }

    public static Optional<String> sessionToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        String name = name(request, SESSION);
        return Arrays.stream(request.getCookies()).filter(c -> name.equals(c.getName()))
                .map(jakarta.servlet.http.Cookie::getValue).findFirst();
    }

    /** Whether a cookie name found in a WebSocket handshake is the session's (with or without the TLS prefix). */
    public static boolean isSessionCookie(String name) {
        return SESSION.equals(name) || (HOST_PREFIX + SESSION).equals(name);
    }

    /** Set-Cookie header values that start a session. */
    public static List<String> start(HttpServletRequest request, String sessionToken, String csrfToken) {
        return List.of(cookie(request, SESSION, sessionToken, null, true), cookie(request, CSRF, csrfToken, null, false));
    }

    /** Set-Cookie header values that make the browser forget the session. */
    public static List<String> end(HttpServletRequest request) {
        return List.of(cookie(request, SESSION, "", 0L, true), cookie(request, CSRF, "", 0L, false));
    }

    private static String cookie(HttpServletRequest request, String name, String value, Long maxAge, boolean httpOnly) {
        var sb = new StringBuilder(name(request, name)).append('=').append(value).append("; Path=/");
        if (maxAge != null) {
            sb.append("; Max-Age=").append(maxAge);
        }
        sb.append("; SameSite=Strict");
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (isSecure(request)) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    private static String name(HttpServletRequest request, String name) {
        return isSecure(request) ? HOST_PREFIX + name : name;
    }

    /** TLS at the server, or at a proxy in front of it that says so. */
    public static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
