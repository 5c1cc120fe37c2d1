package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;

class PlanJsonTest {

    private final String goal = UUID.randomUUID().toString();
    private final String action = UUID.randomUUID().toString();

    @Test
    void operations_survive_the_trip_through_json() {
        List<PlanOperation> ops = List.of(
                new CreateGoal(goal, "V", "Ryan goes to school"),
                new CreateAction(action, goal, "V", "Walk"),
                new SetField(action, PlanField.STATUS, "AGREED"),
                new SetField(action, PlanField.DUE_ON, null),
                new EditText(action, PlanField.DESCRIPTION, TextOperation.builder().retain(2).insert("é").delete(1).retain(1).build()));
        String wire = PlanJson.toJson(ops).toString();
        assertEquals(ops, PlanJson.operations(Json.createReader(new StringReader(wire)).readArray()));
    }

    @Test
    void a_document_survives_the_trip_through_json() {
        var doc = new PlanDocument();
        doc.apply(new CreateGoal(goal, "V", "Warm home"));
        doc.apply(new CreateAction(action, goal, "V", "Boiler grant"));
        doc.apply(new SetField(action, PlanField.OWNER, "AGENCY:" + UUID.randomUUID()));
        doc.apply(new SetField(goal, PlanField.DELETED, "true"));
        assertEquals(doc, PlanJson.document(Json.createReader(new StringReader(PlanJson.toJson(doc).toString())).readObject()));
    }

    @Test
    void malformed_operations_are_explained() {
        var unknown = Json.createObjectBuilder().add("op", "explode").add("id", goal).build();
        assertEquals("unknown operation 'explode'", assertThrows(IllegalArgumentException.class, () -> PlanJson.operation(unknown)).getMessage());
        var zero = Json.createReader(new StringReader("[0]")).readArray();
        assertThrows(IllegalArgumentException.class, () -> PlanJson.textOperation(zero));
        var badField = Json.createObjectBuilder().add("op", "set").add("id", goal).add("field", "COLOUR").add("value", "red").build();
        assertEquals("unknown field 'COLOUR'", assertThrows(IllegalArgumentException.class, () -> PlanJson.operation(badField)).getMessage());
    }

    @Test
    void a_string_quoted_by_hand_reads_back_as_it_was_and_carries_no_lone_surrogate_or_control_character_raw() {
        String text = "say \"hi\"\\ \n\t\u0001 \ud83d\ude00 half \ude01 end \ud83d";
        String quoted = PlanJson.quote(text);

        try (var reader = Json.createReader(new StringReader("[" + quoted + "]"))) {
            assertEquals(text, reader.readArray().getString(0));
        }
        assertEquals(-1, quoted.indexOf('\n'), quoted);
        assertEquals(-1, quoted.indexOf('\u0001'), quoted);
        assertEquals("\"\ud83d\ude00 \\ude01 \\ud83d\"", PlanJson.quote("\ud83d\ude00 \ude01 \ud83d"), "a pair as it is, each half alone escaped");
        assertEquals("null", PlanJson.quote(null));
    }
}
