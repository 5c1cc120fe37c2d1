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
}
