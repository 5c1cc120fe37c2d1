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

    @Test
    void every_address_of_one_ipv6_network_is_one_source_so_rotating_addresses_gains_nothing() {
        var direct = new ClientAddress(Set.of());
        String first = direct.of("2001:db8:1:2:0:0:0:1", List.of());
        assertEquals(first, direct.of("2001:db8:1:2:ffff:ffff:ffff:fffe", List.of()), "one /64 is one household or one attacker");
        assertEquals(first, direct.of("2001:db8:1:2::77", List.of()), "however the address is written");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, direct.of("2001:db8:1:3::1", List.of()));
        var proxy = new ClientAddress(Set.of("10.0.0.2"));
        assertEquals(first, proxy.of("10.0.0.2", List.of("2001:db8:1:2:abcd::9")));
        assertEquals("198.51.100.7", direct.of("::ffff:198.51.100.7", List.of()), "an IPv4 address is itself, however written");
    }

    @Test
    void a_trusted_proxy_is_recognised_however_its_address_is_written() {
        var proxies = new ClientAddress(Set.of("::1", "10.0.0.2"));
        assertEquals("203.0.113.9", proxies.of("0:0:0:0:0:0:0:1", List.of("203.0.113.9")),
                "a proxy named ::1 is the peer 0:0:0:0:0:0:0:1; otherwise everyone behind it would share one allowance");
    }
}
