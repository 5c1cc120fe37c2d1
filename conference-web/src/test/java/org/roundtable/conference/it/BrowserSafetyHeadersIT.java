package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.interfaces.web.PageRouteFilter;

/**
 * What every response tells the browser: never frame this, never guess a content type, never
 * leak the address, never keep a family's record in the cache; and on signing out, forget it all.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class BrowserSafetyHeadersIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    /** Every page address PageRouteFilter serves, with real ids. */
    private static List<String> pages() {
        String family = "/families/" + fx.taylors;
        String conference = "/conferences/" + fx.conference;
        List<String> pages = List.of("/", "/sign-in", "/invite", "/code", "/conferences", "/dashboard", "/families",
                conference, conference + "/live", family, family + "/details", family + "/sharing", family + "/access-log",
                family + "/contact-map");
        pages.forEach(p -> assertTrue(PageRouteFilter.isPage(p), p + " is a page"));
        return pages;
    }

    @Test
    void no_page_or_response_can_be_framed_sniffed_or_leak_its_address() {
        List<String> addresses = new ArrayList<>(pages());
        addresses.addAll(List.of("/js/main.js", "/css/app.css", "/shell.html", "/no-such-page", "/api/auth/me",
                "/api/families", "/api/families/" + fx.taylors + "/plan", "/api/no-such-endpoint"));
        List<String> wrong = new ArrayList<>();
        for (String address : addresses) {
            HttpResponse<String> response = fx.chair.raw("GET", address);
            var headers = response.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            if (!csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'self'")) {
                wrong.add(address + " CSP: " + csp);
            }
            if (!headers.firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
                wrong.add(address + " has no nosniff");
            }
            if (!headers.firstValue("Referrer-Policy").orElse("").equals("no-referrer")) {
                wrong.add(address + " has no Referrer-Policy");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void pages_and_a_familys_data_are_never_kept_in_the_browsers_cache() {
        List<String> addresses = new ArrayList<>(pages());
        String family = "/api/families/" + fx.taylors;
        addresses.addAll(List.of("/api/auth/me", family, family + "/members", family + "/plan", family + "/contacts",
                "/api/conferences/" + fx.conference + "/record", "/api/conferences/" + fx.conference + "/minutes"));
        List<String> wrong = new ArrayList<>();
        for (String address : addresses) {
            HttpResponse<String> response = fx.chair.raw("GET", address);
            assertEquals(200, response.statusCode(), address);
            String cacheControl = response.headers().firstValue("Cache-Control").orElse("");
            if (!cacheControl.contains("no-store")) {
                wrong.add(address + " Cache-Control: " + cacheControl);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void signing_out_tells_the_browser_to_forget_the_cache_cookies_and_storage_of_the_site() {
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        HttpResponse<String> response = jess.raw("POST", "/api/auth/sign-out");
        assertEquals(2, response.statusCode() / 100, response.body());
        String clear = response.headers().firstValue("Clear-Site-Data").orElse("");
        assertTrue(clear.contains("\"cache\"") && clear.contains("\"cookies\"") && clear.contains("\"storage\""), clear);
    }
}
