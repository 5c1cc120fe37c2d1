package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The promise of the live plan: however many people type at once, whatever the network does,
 * everyone ends with the same plan as the server, and nothing anyone typed is lost.
 */
class LiveEditingConvergenceTest {

    @Property(tries = 2000)
    void every_copy_of_the_plan_ends_the_same_as_the_server(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int people, @ForAll @IntRange(min = 20, max = 300) int steps) {
        var simulation = new LiveEditingSimulation(seed, people, true);
        simulation.run(steps);
        simulation.settle();
        Statistics.label("people went offline and came back").collect(simulation.disconnects > 0);
        Statistics.label("changes crossed on the network").collect(simulation.concurrentChanges > 0);
        Statistics.label("a change arrived twice").collect(simulation.duplicates > 0);
        Statistics.label("people went offline and came back").coverage(c -> c.check(true).percentage(p -> p > 30));
        Statistics.label("changes crossed on the network").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("a change arrived twice").coverage(c -> c.check(true).percentage(p -> p > 30));
        var expected = simulation.server.document();
        for (var client : simulation.clients) {
            assertFalse(client.replica.hasUnconfirmed());
            assertEquals(simulation.server.revision(), client.replica.revision());
            assertEquals(expected, client.replica.document(), client.replica.clientId() + " diverged");
        }
    }

    @Property(tries = 1000)
    void no_word_anyone_typed_is_lost_online_or_offline(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int people, @ForAll @IntRange(min = 20, max = 300) int steps) {
        var simulation = new LiveEditingSimulation(seed, people, false);
        simulation.run(steps);
        simulation.settle();
        var plan = simulation.server.document();
        for (String typed : simulation.typedWords) {
            String[] parts = typed.split("\\|");
            String text = plan.node(parts[0]).orElseThrow().get(PlanField.valueOf(parts[1]));
            assertTrue(text.contains(parts[2]), "lost " + parts[2] + " from " + parts[0] + " " + parts[1] + ": " + text);
        }
    }

    /**
     * Any Unicode, edited code unit by code unit at once by several people: the server refuses
     * whatever would leave half a character (its sender reloads), and every copy ends equal to the
     * server's, which is the plan as stored (it survives being written as JSON and read back).
     */
    @Property(tries = 1000)
    void any_unicode_typed_at_once_leaves_every_copy_equal_to_the_stored_plan(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int people, @ForAll @IntRange(min = 20, max = 300) int steps) {
        var simulation = new LiveEditingSimulation(seed, people, true).withUnicode();
        simulation.run(steps);
        simulation.settle();
        Statistics.label("a change was refused").collect(simulation.refusals > 0);
        Statistics.label("a change was refused").coverage(c -> c.check(true).percentage(p -> p > 10));
        var expected = simulation.server.document();
        for (var node : expected.nodes()) {
            for (PlanField field : PlanField.values()) {
                if (field.isText() && field.appliesTo(node.kind())) {
                    assertEquals(null, WellFormedText.problem(node.get(field)), node.get(field));
                }
            }
        }
        var stored = PlanJson.document(jakarta.json.Json.createReader(new java.io.StringReader(
                new String(PlanJson.toJson(expected).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.UTF_8))).readObject());
        assertEquals(expected, stored, "the plan as stored");
        for (var client : simulation.clients) {
            assertFalse(client.replica.hasUnconfirmed());
            assertEquals(simulation.server.revision(), client.replica.revision());
            assertEquals(expected, client.replica.document(), client.replica.clientId() + " diverged");
        }
    }
}
