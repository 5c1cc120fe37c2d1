package org.roundtable.conference.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for throttling and lock-outs. It is the connection's peer,
 * unless that peer is a proxy named in roundtable.trusted-proxies (comma-separated addresses):
 * then X-Forwarded-For is read from the right, skipping trusted proxies, and the first address
 * no trusted proxy vouches for is the source. Anything to its left was written by the client and
 * is ignored, so nobody escapes a limit by making up a header.
 */
public final class ClientAddress {

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The proxies this server was configured to trust (none by default). */
    public static ClientAddress configured() {
        var proxies = new java.util.HashSet<String>();
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
        String source = peer;
        for (int i = forwardedFor.size() - 1; i >= 0 && trustedProxies.contains(source); i--) {
            String hop = forwardedFor.get(i);
            if (!IP.matcher(hop).matches()) {
                break;
            }
            source = hop;
        }
        return source;
    }
}
