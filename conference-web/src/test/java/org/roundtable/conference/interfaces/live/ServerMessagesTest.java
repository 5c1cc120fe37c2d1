package org.roundtable.conference.interfaces.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanOperation;

class ServerMessagesTest {

    @Test
    void an_applied_message_written_by_hand_is_the_json_a_client_reads_whatever_the_names_hold() {
        var op = new PlanOperation.SetField(UUID.randomUUID().toString(), PlanField.STATUS, "DONE");
        var change = new PlanChange("change-1", "client \"7\"", 42, List.of(op));
        String author = "Siobhán O'Neil \"Jr\"\n\\ \u0001";
        String text = ServerMessages.applied(change, author, null);
        try (var reader = Json.createReader(new StringReader(text))) {
            var message = reader.readObject();
            assertEquals("applied", message.getString("type"));
            assertEquals("change-1", message.getString("changeId"));
            assertEquals("client \"7\"", message.getString("clientId"));
            assertEquals(42, message.getJsonNumber("revision").longValue());
            assertEquals(author, message.getString("author"));
            assertEquals(List.of(op), PlanJson.operations(message.getJsonArray("ops")));
        }
        assertEquals(text, ServerMessages.applied(change, author, PlanJson.toJson(change.operations()).toString()),
                "operations already encoded for the log go out as they are");
    }

    /** Issue 10, finding 4: a bystander was sent "?" where the sender had typed half of an emoji. */
    @Test
    void half_an_emoji_in_an_edit_reaches_every_copy_as_it_was_typed_not_as_a_question_mark() {
        String goal = UUID.randomUUID().toString();
        var swap = org.roundtable.shared.plan.TextOperation.builder().retain(2).insert("\ude01").delete(1).retain(1).build();
        var change = new PlanChange("c-\ud83d", "client", 3, List.of(new PlanOperation.EditText(goal, PlanField.TITLE, swap)));
        for (String frame : List.of(ServerMessages.applied(change, "Ann", null),
                ServerMessages.applied(change, "Ann", PlanJson.operationsText(change.operations())),
                ServerMessages.sync(3, null, List.of(change), false, null, null))) {
            // What the socket does: UTF-8 bytes out, a string again at the other end.
            String received = new String(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(frame, received, "nothing in the frame that UTF-8 cannot carry");
            try (var reader = Json.createReader(new StringReader(received))) {
                var message = reader.readObject();
                var ops = message.containsKey("ops") ? message.getJsonArray("ops")
                        : message.getJsonArray("missed").getJsonObject(0).getJsonArray("ops");
                assertEquals(change.operations(), PlanJson.operations(ops));
            }
        }
    }
}
