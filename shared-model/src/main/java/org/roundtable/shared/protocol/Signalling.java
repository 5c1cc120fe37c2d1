package org.roundtable.shared.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.roundtable.shared.plan.Limit;

/** Reading the WebRTC signalling messages (rtc.*) and media state of the live protocol. */
final class Signalling {

    private Signalling() {
    }

    /** The connection a message is for: a connectionId from welcome or presence. */
    static String to(JsonObject o) {
        String to = LiveProtocol.id(o, "to");
        if (to.isEmpty()) {
            throw new ProtocolViolation("invalid", "\"to\" is the connectionId of someone in the room.");
        }
        return to;
    }

    /** An offer or answer: its SDP, bounded, and whole characters only. */
    static ClientMessage description(ClientMessage.SignalKind kind, JsonObject o) {
        String to = to(o);
        String sdp = LiveProtocol.string(o, "sdp");
        if (sdp.length() > Limit.SDP.value()) {
            throw new ProtocolViolation("too-large", "A session description is at most " + Limit.SDP.value() + " characters.");
        }
        if (sdp.isBlank() || hasLoneSurrogate(sdp)) {
            throw new ProtocolViolation("invalid", "\"sdp\" is a session description.");
        }
        return new ClientMessage.Signal(kind, to, sdp, null);
    }

    /** An ICE candidate, or null: the sender has no more. */
    static ClientMessage candidate(JsonObject o) {
        String to = to(o);
        JsonValue value = o.get("candidate");
        if (value == null || value == JsonValue.NULL) {
            return new ClientMessage.Signal(ClientMessage.SignalKind.CANDIDATE, to, null, null);
        }
        if (!(value instanceof JsonObject c)) {
            throw new ProtocolViolation("invalid", "\"candidate\" is an object or null.");
        }
        String line = bounded(c, "candidate", true);
        String mid = bounded(c, "sdpMid", false);
        String fragment = bounded(c, "usernameFragment", false);
        Integer index = null;
        if (c.get("sdpMLineIndex") instanceof JsonNumber) {
            long i = LiveProtocol.longValue(c, "sdpMLineIndex");
            if (i < 0 || i > 1000) {
                throw new ProtocolViolation("invalid", "\"sdpMLineIndex\" is 0 to 1000.");
            }
            index = (int) i;
        } else if (c.containsKey("sdpMLineIndex") && !c.isNull("sdpMLineIndex")) {
            throw new ProtocolViolation("invalid", "\"sdpMLineIndex\" must be a whole number.");
        }
        return new ClientMessage.Signal(ClientMessage.SignalKind.CANDIDATE, to, null, new ClientMessage.IceCandidate(line, mid, index, fragment));
    }

    static ClientMessage media(JsonObject o) {
        Boolean speaking = null;
        if (o.containsKey("speaking") && !o.isNull("speaking")) {
            speaking = flag(o, "speaking");
        }
        return new ClientMessage.Media(flag(o, "joined"), flag(o, "audio"), flag(o, "video"), flag(o, "voiceOnly"), speaking);
    }

    private static boolean flag(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" must be true or false.");
        }
        return v == JsonValue.TRUE;
    }

    /** A string field of a candidate (absent or null allowed unless required), at most Limit.CANDIDATE. */
    private static String bounded(JsonObject c, String key, boolean required) {
        JsonValue v = c.get(key);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw new ProtocolViolation("invalid", "\"" + key + "\" must be a string.");
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" must be a string.");
        }
        String text = s.getString();
        if (text.length() > Limit.CANDIDATE.value()) {
            throw new ProtocolViolation("too-large", "\"" + key + "\" is at most " + Limit.CANDIDATE.value() + " characters.");
        }
        if (hasLoneSurrogate(text)) {
            throw new ProtocolViolation("invalid", "\"" + key + "\" is not well-formed text.");
        }
        return text;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return true;
            }
        }
        return false;
    }
}
