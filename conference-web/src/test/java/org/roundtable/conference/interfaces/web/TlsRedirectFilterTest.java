package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsRedirectFilterTest {

    @Test
    void a_plain_http_request_goes_to_https_when_the_server_is_published_over_tls() {
        assertEquals(Optional.of("https://roundtable.example.gov.uk/families/abc?x=1"), TlsRedirectFilter.httpsAddress(false,
                "https://roundtable.example.gov.uk", "/families/abc", "x=1"));
        assertEquals(Optional.of("https://roundtable.example.gov.uk/api/auth/sign-in"), TlsRedirectFilter.httpsAddress(false,
                "https://roundtable.example.gov.uk", "/api/auth/sign-in", null));
    }

    @Test
    void nothing_is_redirected_over_tls_or_when_tls_is_not_configured() {
        assertTrue(TlsRedirectFilter.httpsAddress(true, "https://roundtable.example.gov.uk", "/", null).isEmpty());
        assertTrue(TlsRedirectFilter.httpsAddress(false, "http://localhost:8080", "/", null).isEmpty());
    }
}
