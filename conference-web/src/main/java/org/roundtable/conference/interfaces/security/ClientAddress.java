package org.roundtable.conference.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for throttling and lock-outs. It is the connection's peer,
 * unless that peer is a proxy named in roundtable.trusted-proxies (comma-separated addresses):
 * then X-Forwarded-For is read from the right, skipping trusted proxies, and the first address
 * no trusted proxy vouches for is the source. Anything to its left was written by the client and
 * is ignored, so nobody escapes a limit by making up a header.
 *
 * <p>Addresses are compared as numbers, not as text (::1 is 0:0:0:0:0:0:0:1). An IPv6 source
 * is its /64 network: one household or one attacker is given a whole /64, and would otherwise
 * get a fresh allowance, and five fresh password guesses, from each of its 2^64 addresses.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        var canonical = new HashSet<String>();
        for (String proxy : trustedProxies) {
            parse(proxy.strip()).ifPresent(a -> canonical.add(a.getHostAddress()));
        }
        this.trustedProxies = Set.copyOf(canonical);
    }

    /** The proxies this server was configured to trust (none by default). */
    public static ClientAddress configured() {
        var proxies = new HashSet<String>();
        for (String p : System.getProperty("roundtable.trusted-proxies", "").split(",")) {
            if (!p.isBlank()) {
                proxies.add(p.strip());
            }
        }
        return new ClientAddress(proxies);
    }

    public String of(HttpServletRequest request) {
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                forwarded.add(hop.strip());
            }
        }
        return of(request.getRemoteAddr(), forwarded);
    }

    String of(String peer, List<String> forwardedFor) {
        Optional<InetAddress> source = parse(peer);
        if (source.isEmpty()) {
            return peer;
        }
        for (int i = forwardedFor.size() - 1; i >= 0 && trustedProxies.contains(source.get().getHostAddress()); i--) {
            Optional<InetAddress> hop = parse(forwardedFor.get(i));
            if (hop.isEmpty()) {
                break;
            }
            source = hop;
        }
        return sourceOf(source.get());
    }

    /** An IPv4 address as itself; an IPv6 address as its /64 network. */
    private static String sourceOf(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        var network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
    }

    /** A numeric address, never a name: nothing here may ask DNS (brackets make Java read IPv6 only as a literal). */
    private static Optional<InetAddress> parse(String text) {
        try {
            if (text != null && IPV4.matcher(text).matches() && Arrays.stream(text.split("\\.")).allMatch(o -> Integer.parseInt(o) < 256)) {
                return Optional.of(InetAddress.getByName(text));
            }
            if (text != null && text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            }
        } catch (UnknownHostException e) {
            // not an address
        }
        return Optional.empty();
    }
}
