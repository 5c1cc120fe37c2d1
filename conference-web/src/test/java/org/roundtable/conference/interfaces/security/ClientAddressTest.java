package org.roundtable.conference.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void a_forwarded_for_header_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        var nobodyTrusted = new ClientAddress(Set.of());
        assertEquals("198.51.100.7", nobodyTrusted.of("198.51.100.7", List.of("10.0.0.1")));
        var proxyTrusted = new ClientAddress(Set.of("10.0.0.2"));
        assertEquals("198.51.100.7", proxyTrusted.of("198.51.100.7", List.of("10.0.0.1")), "a client cannot pose as its own proxy");
    }

    @Test
    void behind_trusted_proxies_the_source_is_the_last_address_they_did_not_write_themselves() {
        var proxies = new ClientAddress(Set.of("10.0.0.2", "10.0.0.3"));
        assertEquals("203.0.113.9", proxies.of("10.0.0.3", List.of("203.0.113.9", "10.0.0.2")));
        assertEquals("203.0.113.9", proxies.of("10.0.0.3", List.of("1.2.3.4", "203.0.113.9", "10.0.0.2")),
                "what the client wrote to the left of it does not count");
    }

    @Test
    void a_forwarded_value_that_is_not_an_address_is_not_believed() {
        var proxy = new ClientAddress(Set.of("10.0.0.2"));
        assertEquals("10.0.0.2", proxy.of("10.0.0.2", List.of("<script>")));
        assertEquals("10.0.0.2", proxy.of("10.0.0.2", List.of()));
    }
}
