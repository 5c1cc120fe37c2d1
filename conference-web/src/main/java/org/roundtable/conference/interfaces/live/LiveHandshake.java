package org.roundtable.conference.interfaces.live;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.roundtable.conference.application.PublicAddress;
import org.roundtable.conference.interfaces.security.SessionCookies;

/**
 * The live connection's handshake: the browser must come from one of our own origins (so another
 * site cannot open a socket with the user's cookie), and the session cookie is handed to the
 * endpoint, which checks it against the database before letting anything through.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

    static final String SESSION_TOKEN = "roundtable.session-token";

    /** Origins allowed to open a live connection: roundtable.allowed-origins, else the public address. */
    static Set<String> allowedOrigins() {
        String configured = System.getProperty("roundtable.allowed-origins");
        if (configured == null || configured.isBlank()) {
            configured = PublicAddress.base() + ",https://localhost:8443";
        }
        return Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public boolean checkOrigin(String origin) {
        // Browsers always send Origin; a client without one is not a browser and has no victim's cookie.
        return origin == null || allowedOrigins().contains(origin);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (!"cookie".equalsIgnoreCase(header.getKey())) {
                continue;
            }
            for (String line : header.getValue()) {
                for (String pair : line.split(";")) {
                    String[] nameValue = pair.strip().split("=", 2);
                    if (nameValue.length == 2 && SessionCookies.isSessionCookie(nameValue[0])) {
                        config.getUserProperties().put(SESSION_TOKEN, nameValue[1]);
                    }
                }
            }
        }
    }
}
