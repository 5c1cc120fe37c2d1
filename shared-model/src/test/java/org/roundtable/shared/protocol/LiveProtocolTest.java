package org.roundtable.shared.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every bad frame gets the error code docs/protocol.md gives for it. */
class LiveProtocolTest {

    private static final String NODE = "0c6b5c1e-2f5e-4c1a-9d53-6a1c0b1d2e3f";

    private static String code(String frame) {
        return assertThrows(ProtocolViolation.class, () -> LiveProtocol.parse(frame)).code();
    }

    @Test
    void a_message_without_a_type_or_with_a_type_that_is_not_a_string_is_an_unknown_type() {
        assertEquals("unknown-type", code("{}"));
        assertEquals("unknown-type", code("{\"type\":42}"));
        assertEquals("unknown-type", code("{\"type\":\"shout\"}"));
    }

    @Test
    void json_nested_deeper_than_the_limit_is_malformed_not_ignored() {
        assertEquals("malformed", code("{\"type\":\"ping\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        assertEquals("malformed", code("{\"type\":\"ping\",\"x\":" + "[".repeat(8) + "]".repeat(8) + "}"));
        // Brackets inside strings are text, not nesting.
        assertInstanceOf(ClientMessage.Comment.class,
                LiveProtocol.parse("{\"type\":\"comment\",\"id\":\"" + NODE + "\",\"text\":\"" + "[{".repeat(100) + "\\\"\"}"));
    }

    @Test
    void a_presence_id_longer_than_an_id_is_invalid_and_never_broadcast() {
        assertEquals("invalid", code("{\"type\":\"presence\",\"editing\":{\"id\":\"" + "a".repeat(20_000) + "\",\"field\":\"TITLE\"}}"));
        assertEquals("invalid", code("{\"type\":\"presence\",\"editing\":{\"id\":\"" + "a".repeat(37) + "\",\"field\":\"TITLE\"}}"));
        assertEquals(new ClientMessage.Presence(NODE, org.roundtable.shared.plan.PlanField.TITLE),
                LiveProtocol.parse("{\"type\":\"presence\",\"editing\":{\"id\":\"" + NODE + "\",\"field\":\"TITLE\"}}"));
    }

    @Test
    void a_hello_with_a_negative_revision_is_invalid() {
        assertEquals("invalid", code("{\"type\":\"hello\",\"v\":1,\"revision\":-1}"));
        assertEquals(new ClientMessage.Hello(1, 7L), LiveProtocol.parse("{\"type\":\"hello\",\"v\":1,\"revision\":7}"));
    }

    @Test
    void a_comment_with_half_a_character_or_a_nul_is_refused_rather_than_dropped() {
        assertEquals("invalid", code("{\"type\":\"comment\",\"id\":\"" + NODE + "\",\"text\":\"ok \\ud83d\"}"));
        assertEquals("invalid", code("{\"type\":\"comment\",\"id\":\"" + NODE + "\",\"text\":\"nul \\u0000\"}"));
    }

    @Test
    void a_hello_may_list_the_changes_still_pending_so_the_welcome_can_say_which_were_applied() {
        assertEquals(new ClientMessage.Hello(1, 7L, java.util.List.of("c-1", "c-2")),
                LiveProtocol.parse("{\"type\":\"hello\",\"v\":1,\"revision\":7,\"pending\":[\"c-1\",\"c-2\"]}"));
        assertEquals("invalid", code("{\"type\":\"hello\",\"v\":1,\"pending\":[" + "\"c\",".repeat(16) + "\"c\"]}"));
        assertEquals("invalid", code("{\"type\":\"hello\",\"v\":1,\"pending\":[42]}"));
    }

    @Test
    void a_hello_may_ask_for_changes_to_the_room_instead_of_the_whole_room_each_time() {
        assertEquals(new ClientMessage.Hello(1, null, java.util.List.of(), true),
                LiveProtocol.parse("{\"type\":\"hello\",\"v\":1,\"roomChanges\":true}"));
        assertEquals(new ClientMessage.Hello(1, null), LiveProtocol.parse("{\"type\":\"hello\",\"v\":1}"));
        assertEquals("invalid", code("{\"type\":\"hello\",\"v\":1,\"roomChanges\":\"yes\"}"));
    }

    @Test
    void an_offer_names_the_connection_it_is_for_and_carries_its_sdp() {
        assertEquals(new ClientMessage.Signal(ClientMessage.SignalKind.OFFER, NODE, "v=0\r\n", null),
                LiveProtocol.parse("{\"type\":\"rtc.offer\",\"to\":\"" + NODE + "\",\"sdp\":\"v=0\\r\\n\"}"));
        assertEquals("invalid", code("{\"type\":\"rtc.offer\",\"sdp\":\"v=0\"}"));
        assertEquals("invalid", code("{\"type\":\"rtc.answer\",\"to\":\"" + NODE + "\",\"sdp\":\"\"}"));
    }

    @Test
    void an_oversized_sdp_is_too_large_and_never_relayed() {
        assertEquals("too-large", code("{\"type\":\"rtc.offer\",\"to\":\"" + NODE + "\",\"sdp\":\"" + "a".repeat(24 * 1024 + 1) + "\"}"));
    }

    @Test
    void a_candidate_is_an_object_or_null_for_no_more_candidates() {
        var parsed = (ClientMessage.Signal) LiveProtocol.parse("{\"type\":\"rtc.candidate\",\"to\":\"" + NODE
                + "\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 5000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
        assertEquals(new ClientMessage.IceCandidate("candidate:1 1 udp 1 127.0.0.1 5000 typ host", "0", 0, null), parsed.candidate());
        assertEquals(new ClientMessage.Signal(ClientMessage.SignalKind.CANDIDATE, NODE, null, null),
                LiveProtocol.parse("{\"type\":\"rtc.candidate\",\"to\":\"" + NODE + "\",\"candidate\":null}"));
        assertEquals("invalid", code("{\"type\":\"rtc.candidate\",\"to\":\"" + NODE + "\",\"candidate\":\"x\"}"));
        assertEquals("too-large", code("{\"type\":\"rtc.candidate\",\"to\":\"" + NODE + "\",\"candidate\":{\"candidate\":\""
                + "a".repeat(513) + "\"}}"));
    }

    @Test
    void media_state_needs_each_of_its_flags() {
        assertEquals(new ClientMessage.Media(true, true, false, true, null),
                LiveProtocol.parse("{\"type\":\"media\",\"joined\":true,\"audio\":true,\"video\":false,\"voiceOnly\":true}"));
        assertEquals("invalid", code("{\"type\":\"media\",\"joined\":true,\"audio\":\"yes\",\"video\":false,\"voiceOnly\":true}"));
    }
}
