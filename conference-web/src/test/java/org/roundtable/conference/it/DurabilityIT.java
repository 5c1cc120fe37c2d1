package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextOperation;

/**
 * The promise behind every acknowledgement: a change the room confirmed is on disk. A chair
 * types into the plan as fast as the server confirms; the server is killed with SIGKILL in the
 * middle; after a restart every confirmed word is in the plan.
 */
class DurabilityIT {

    @Test
    void every_acknowledged_edit_survives_kill_9_and_a_restart() throws Exception {
        assertTrue(StandaloneServer.available(), "the provisioned server is needed: build wildfly-config first");
        try (var server = new StandaloneServer(100)) {
            server.start();
            var worker = People.staff(new ApiClient(server.address()), "social.worker", People.DEMO_PASSWORD);
            String family = worker.post("/families", json("name", "Durability family")).json().getString("id");
            var chair = People.staff(new ApiClient(server.address()), "chair", People.DEMO_PASSWORD);
            String conference = chair.post("/conferences", json("familyId", family, "kind", "CORE_GROUP",
                    "scheduledStart", "2031-03-01T10:00:00Z")).json().getString("id");

            LiveClient live = LiveClient.connect(chair, conference);
            live.hello();
            String goal = java.util.UUID.randomUUID().toString();
            live.edit(new PlanOperation.CreateGoal(goal, FractionalIndex.between(null, null), "Typed under fire"));
            live.settle();

            List<String> acknowledged = new ArrayList<>();
            var killed = new CompletableFuture<Void>();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server.kill();
                killed.complete(null);
            });
            killer.start();
            for (int i = 0; !killed.isDone() && i < 100_000; i++) {
                String word = "<w" + i + ">";
                String text = live.plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION);
                try {
                    live.edit(new PlanOperation.EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(text.length(), text.length(), word)));
                    JsonObject confirmation = live.nextMatching(m -> m.getString("type").equals("applied") && !live.replica.hasUnconfirmed(), 5);
                    if (confirmation != null) {
                        acknowledged.add(word);
                    }
                } catch (RuntimeException | AssertionError connectionGone) {
                    break;
                }
            }
            killed.get(30, TimeUnit.SECONDS);
            System.out.println("acknowledged before the kill: " + acknowledged.size());
            assertTrue(acknowledged.size() > 5, "the test made some edits before the kill: " + acknowledged.size());

            server.start();
            var after = People.staff(new ApiClient(server.address()), "social.worker", People.DEMO_PASSWORD);
            var plan = after.get("/families/" + family + "/plan").json();
            String stored = plan.getJsonArray("goals").getJsonObject(0).getString("description", "");
            for (String word : acknowledged) {
                assertTrue(stored.contains(word), "acknowledged " + word + " was lost; stored: " + stored);
            }
            assertTrue(stored.split("<w").length - 1 >= acknowledged.size(), "every acknowledged word is there once");

            // The plan's hash chain carries on across the crash: edits after the restart link to those before it.
            try (LiveClient again = LiveClient.connect(People.staff(new ApiClient(server.address()), "chair", People.DEMO_PASSWORD), conference)) {
                again.hello();
                String text = again.plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION);
                again.edit(new PlanOperation.EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(text.length(), text.length(), "<after>")));
                again.settle();
            }
            var admin = People.staff(new ApiClient(server.address()), "admin", People.DEMO_PASSWORD);
            var verification = admin.get("/admin/audit/verification").json();
            assertTrue(verification.getBoolean("intact"), verification::toString);
        }
    }
}
