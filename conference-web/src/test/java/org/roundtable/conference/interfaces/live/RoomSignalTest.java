package org.roundtable.conference.interfaces.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a node tells the others about a room reads back, on the other node, as what was sent. */
class RoomSignalTest {

    private final UUID conference = UUID.randomUUID();

    @Test
    void every_kind_of_room_signal_reads_back_as_sent() {
        UUID jess = UUID.randomUUID();
        UUID dee = UUID.randomUUID();
        var signals = List.of(
                RoomSignal.hand(conference, UUID.randomUUID().toString()),
                RoomSignal.agenda(conference),
                RoomSignal.privatePartBegan(conference, UUID.randomUUID(), Set.of(jess, dee)),
                RoomSignal.privatePartEnded(conference),
                RoomSignal.presence(conference, UUID.randomUUID().toString()),
                RoomSignal.comment(conference, UUID.randomUUID().toString(), "{\"type\":\"comment\"}"),
                RoomSignal.signOff(UUID.randomUUID(), Set.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())),
                RoomSignal.rtc(conference, UUID.randomUUID().toString(), "{\"type\":\"rtc.offer\",\"sdp\":\"v=0\\r\\n\"}"),
                RoomSignal.media(conference, UUID.randomUUID().toString(), "{\"type\":\"media\",\"joined\":true}", true),
                RoomSignal.media(conference, UUID.randomUUID().toString(), "{\"type\":\"media\",\"joined\":false}", false));
        for (RoomSignal sent : signals) {
            assertEquals(sent, RoomSignal.parse(sent.text()), sent.text());
        }
        assertEquals(Set.of(jess, dee), RoomSignal.parse(signals.get(2).text()).keptOut());
    }

    @Test
    void a_comments_message_arrives_character_for_character() {
        String message = "{\"type\":\"comment\",\"comment\":{\"text\":\"Ryan said \\\"no\\\"\\nthen 😀, \\u2028 and a tab\\t\"}}";
        assertEquals(message, RoomSignal.parse(RoomSignal.comment(conference, "goal", message).text()).message());
    }
}
