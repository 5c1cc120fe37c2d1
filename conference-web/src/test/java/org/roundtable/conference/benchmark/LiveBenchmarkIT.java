package org.roundtable.conference.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.it.BenchmarkServer;

/**
 * The benchmark, run small on every build: the one command in the README must keep working, and
 * what it counts (edits applied, lost, diverged, errors) must come out right even at this size.
 * It measures nothing worth reading; `mvn -Pbenchmark verify` does.
 */
class LiveBenchmarkIT {

    @Test
    void the_benchmark_runs_end_to_end_and_every_confirmed_edit_is_stored() throws Exception {
        assertTrue(BenchmarkServer.available(), "the provisioned server is needed: build wildfly-config first");
        var report = new StringBuilder();
        List<LiveBenchmark.Outcome> outcomes = LiveBenchmark.run(new LiveBenchmark.Settings(3, 2, 3, 3, 5), report);

        assertEquals(3, outcomes.size(), report::toString);
        for (var outcome : outcomes) {
            assertTrue(outcome.applied() > 0, () -> outcome.name() + " applied no edits:\n" + report);
            assertEquals(0, outcome.errors(), () -> outcome.name() + "\n" + report);
            assertEquals(0, outcome.lost(), () -> outcome.name() + "\n" + report);
            assertEquals(0, outcome.diverged(), () -> outcome.name() + "\n" + report);
        }
        assertTrue(report.toString().contains("Heap per idle connection"), report::toString);
        assertTrue(report.toString().contains("bare insert-and-commit alongside"), report::toString);
    }
}
