package org.roundtable.conference.interfaces.live;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import org.roundtable.conference.infrastructure.media.IceServers.IceConfig;
import org.roundtable.shared.protocol.ClientMessage;

/** The server's signalling and media messages (rtc.*, media), each stamped with who it is from. See docs/protocol.md. */
final class SignalMessages {

    private static final JsonProvider JSON = JsonProvider.provider();

    private SignalMessages() {
    }

    /** An offer, answer, candidate or hangup from one connection, as its peer receives it. */
    static String signal(String from, ClientMessage.Signal s) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", s.kind().type()).add("from", from);
        switch (s.kind()) {
            case OFFER, ANSWER -> b.add("sdp", s.sdp());
            case CANDIDATE -> {
                if (s.candidate() == null) {
                    b.addNull("candidate");
                } else {
                    b.add("candidate", candidate(s.candidate()));
                }
            }
            case HANGUP -> b.add("reason", "hung-up");
        }
        return b.build().toString();
    }

    private static JsonObjectBuilder candidate(ClientMessage.IceCandidate c) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("candidate", c.candidate());
        if (c.sdpMid() != null) {
            b.add("sdpMid", c.sdpMid());
        }
        if (c.sdpMLineIndex() != null) {
            b.add("sdpMLineIndex", c.sdpMLineIndex());
        }
        if (c.usernameFragment() != null) {
            b.add("usernameFragment", c.usernameFragment());
        }
        return b;
    }

    /** The server closes the call between two connections: a private part started. */
    static String hangup(String from, String reason) {
        return JSON.createObjectBuilder().add("type", "rtc.hangup").add("from", from).add("reason", reason).build().toString();
    }

    /** Someone's sound and picture, as the others in the call see it. */
    static String media(String from, String participantId, ClientMessage.Media m) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "media").add("from", from).add("participantId", participantId)
                .add("joined", m.joined()).add("audio", m.audio()).add("video", m.video()).add("voiceOnly", m.voiceOnly());
        if (m.speaking() != null) {
            b.add("speaking", m.speaking());
        }
        return b.build().toString();
    }

    /** After the welcome: how to reach the others (ICE servers with this person's TURN credential) and how many may send video. */
    static String config(IceConfig config) {
        JsonArrayBuilder servers = JSON.createArrayBuilder();
        for (var server : config.iceServers()) {
            JsonArrayBuilder urls = JSON.createArrayBuilder();
            server.urls().forEach(urls::add);
            JsonObjectBuilder s = JSON.createObjectBuilder().add("urls", urls);
            if (server.username() != null) {
                s.add("username", server.username()).add("credential", server.credential());
            }
            servers.add(s);
        }
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "rtc.config").add("iceServers", servers)
                .add("iceTransportPolicy", config.iceTransportPolicy()).add("maxVideoSenders", config.maxVideoSenders());
        if (config.expiresAt() != null) {
            b.add("expiresAt", config.expiresAt().toString());
        }
        return b.build().toString();
    }
}
