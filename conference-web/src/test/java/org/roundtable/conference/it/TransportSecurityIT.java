package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over TLS the browser is told to keep using TLS, and the session lives only as long as the
 * browser: cookies with the __Host- prefix (this host only, Secure, whole site), no lifetime.
 * The test server's HTTPS listener has a self-signed certificate, trusted here on purpose.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class TransportSecurityIT {

    private static final String HTTPS = "https://localhost:8443";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    private static HttpsURLConnection open(String method, String path, Map<String, String> headers) throws IOException, GeneralSecurityException {
        var tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        var connection = (HttpsURLConnection) new URL(HTTPS + path).openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        connection.setRequestMethod(method);
        connection.setInstanceFollowRedirects(false);
        headers.forEach(connection::setRequestProperty);
        return connection;
    }

    @Test
    void over_tls_the_browser_is_told_to_use_tls_from_now_on() throws Exception {
        for (String path : List.of("/", "/api/auth/me", "/css/app.css")) {
            var connection = open("GET", path, Map.of());
            connection.getResponseCode();
            String hsts = connection.getHeaderField("Strict-Transport-Security");
            assertTrue(hsts != null && hsts.contains("max-age=31536000"), path + ": " + hsts);
        }
    }

    @Test
    void over_tls_the_session_cookies_are_host_only_secure_and_end_with_the_browser() throws Exception {
        var signIn = open("POST", "/api/auth/sign-in", Map.of("Content-Type", "application/json", "Origin", HTTPS));
        signIn.setDoOutput(true);
        try (OutputStream out = signIn.getOutputStream()) {
            out.write(JsonBodies.json("username", "teacher", "password", People.DEMO_PASSWORD).toString().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(200, signIn.getResponseCode());
        List<String> cookies = signIn.getHeaderFields().get("Set-Cookie");
        assertEquals(2, cookies.size(), cookies::toString);
        String session = null;
        String csrf = null;
        for (String cookie : cookies) {
            assertTrue(cookie.startsWith("__Host-RT_"), cookie);
            assertTrue(cookie.contains("; Secure") && cookie.contains("; Path=/") && !cookie.contains("Domain="), cookie);
            assertFalse(cookie.contains("Max-Age") || cookie.contains("Expires"), "a session cookie outlives the browser: " + cookie);
            String pair = cookie.substring(0, cookie.indexOf(';'));
            if (pair.startsWith("__Host-RT_SESSION=")) {
                session = pair;
            } else {
                csrf = pair.substring(pair.indexOf('=') + 1);
            }
        }
        // The renamed cookies are the session: the page's requests and changes work with them.
        var me = open("GET", "/api/auth/me", Map.of("Cookie", session));
        assertEquals(200, me.getResponseCode());
        var signOut = open("POST", "/api/auth/sign-out", Map.of("Cookie", session, "X-CSRF-Token", csrf));
        assertEquals(204, signOut.getResponseCode());
    }
}
