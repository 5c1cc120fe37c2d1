package org.roundtable.conference.interfaces.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanOperation;

/**
 * A plan sent whole to someone whose change is in flight (protocol 1.4, {@code sync.applied}):
 * when the node's copy of the plan skipped the changes it missed, that change's own
 * {@code applied} never comes, so the {@code sync} says the plan holds it.
 */
class ChangeInFlightTest {

    private static final Map<String, Long> STORED = Map.of("c-7", 12L, "c-old", 9L, "c-later", 15L);

    @Test
    void a_change_in_flight_that_the_whole_plan_holds_is_named_with_its_revision() {
        assertEquals(Map.of("c-7", 12L), LiveConnection.inFlightHeldBy("c-7", 10, 14, STORED::get));
    }

    @Test
    void a_change_whose_applied_the_client_was_already_sent_is_not_named_again() {
        assertNull(LiveConnection.inFlightHeldBy("c-old", 10, 14, STORED::get));
    }

    @Test
    void a_change_stored_after_the_plan_was_read_is_not_in_it_and_keeps_its_own_applied() {
        assertNull(LiveConnection.inFlightHeldBy("c-later", 10, 14, STORED::get));
    }

    @Test
    void a_change_not_stored_or_no_change_at_all_names_nothing() {
        assertNull(LiveConnection.inFlightHeldBy("c-never", 10, 14, STORED::get));
        assertNull(LiveConnection.inFlightHeldBy(null, 10, 14, STORED::get));
    }

    @Test
    void the_sync_carries_applied_beside_the_whole_plan_and_never_beside_missed_changes() {
        var plan = new PlanDocument();
        String goal = UUID.randomUUID().toString();
        plan.apply(new PlanOperation.CreateGoal(goal, "V", "Ryan gets to school"));
        try (var reader = Json.createReader(new StringReader(ServerMessages.sync(12, plan, null, true, null, Map.of("c-7", 12L))))) {
            var sync = reader.readObject();
            assertEquals(12, sync.getJsonObject("applied").getJsonNumber("c-7").longValue());
            assertEquals(1, sync.getJsonObject("applied").size());
        }
        try (var reader = Json.createReader(new StringReader(ServerMessages.sync(12, null, List.of(), false, null, Map.of("c-7", 12L))))) {
            assertFalse(reader.readObject().containsKey("applied"), "missed changes answer a change in flight themselves");
        }
        try (var reader = Json.createReader(new StringReader(ServerMessages.sync(12, plan, null, true, null, null)))) {
            assertFalse(reader.readObject().containsKey("applied"));
        }
    }
}
