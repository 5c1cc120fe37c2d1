package org.roundtable.conference.infrastructure.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.roundtable.shared.media.TurnCredential;

/**
 * Where browsers find each other for voice and video: the STUN and TURN servers from the
 * server's configuration, with a TURN credential made for one person that expires (the TURN
 * server shares only a secret with us; see {@link TurnCredential}). Read from the system
 * properties on every call, which configure-media.cli fills from the environment:
 * <ul>
 * <li>{@code roundtable.media.ice-servers}: comma-separated {@code stun:}, {@code turn:} and {@code turns:} URLs (none: browsers on one network only)</li>
 * <li>{@code roundtable.media.turn-secret}: coturn's {@code --static-auth-secret}; without it no TURN URL is given out</li>
 * <li>{@code roundtable.media.turn-ttl-seconds}: how long a credential lasts (3600)</li>
 * <li>{@code roundtable.media.ice-transport-policy}: {@code all} (default) or {@code relay} (every call through TURN)</li>
 * <li>{@code roundtable.media.max-video-senders}: how many may send video in one room (6); the rest are heard only</li>
 * </ul>
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    /** One entry of RTCConfiguration.iceServers; username and credential only for TURN. */
    public record IceServer(List<String> urls, String username, String credential) {
    }

    /** What a browser needs to make its peer connections; expiresAt is when the TURN credential ends (null: none given). */
    public record IceConfig(List<IceServer> iceServers, String iceTransportPolicy, int maxVideoSenders, Instant expiresAt) {
    }

    @Inject
    private Clock clock;

    public IceConfig forPerson(UUID personId) {
        var stun = new ArrayList<String>();
        var turn = new ArrayList<String>();
        for (String url : System.getProperty("roundtable.media.ice-servers", "").split(",")) {
            String u = url.strip();
            if (u.startsWith("stun:") || u.startsWith("stuns:")) {
                stun.add(u);
            } else if (u.startsWith("turn:") || u.startsWith("turns:")) {
                turn.add(u);
            } else if (!u.isEmpty()) {
                LOG.warning("roundtable.media.ice-servers: ignoring " + u + " (not a stun:, turn: or turns: URL)");
            }
        }
        var servers = new ArrayList<IceServer>();
        if (!stun.isEmpty()) {
            servers.add(new IceServer(List.copyOf(stun), null, null));
        }
        Instant expiresAt = null;
        String secret = System.getProperty("roundtable.media.turn-secret", "");
        if (!turn.isEmpty() && secret.isEmpty()) {
            LOG.warning("TURN servers are configured without roundtable.media.turn-secret; they are not given to browsers");
        } else if (!turn.isEmpty()) {
            var credential = TurnCredential.issue(secret, personId.toString(), clock.instant(), ttl());
            servers.add(new IceServer(List.copyOf(turn), credential.username(), credential.credential()));
            expiresAt = credential.expiresAt();
        }
        String policy = "relay".equals(System.getProperty("roundtable.media.ice-transport-policy", "all").strip()) ? "relay" : "all";
        return new IceConfig(List.copyOf(servers), policy, maxVideoSenders(), expiresAt);
    }

    public static int maxVideoSenders() {
        return positive("roundtable.media.max-video-senders", 6);
    }

    private static Duration ttl() {
        return Duration.ofSeconds(positive("roundtable.media.turn-ttl-seconds", 3600));
    }

    private static int positive(String property, int fallback) {
        try {
            int value = Integer.parseInt(System.getProperty(property, Integer.toString(fallback)).strip());
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            LOG.warning(property + " is not a whole number; using " + fallback);
            return fallback;
        }
    }
}
