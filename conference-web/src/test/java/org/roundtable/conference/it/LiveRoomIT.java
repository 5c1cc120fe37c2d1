package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.TextOperation;

/** The live room over real sockets: co-editing, removal, private parts and bad input. */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class LiveRoomIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    private static JsonObject type(String type) {
        return Json.createObjectBuilder().add("type", type).build();
    }

    @Test
    void several_people_typing_into_the_same_field_at_once_all_keep_their_words_and_converge() throws Exception {
        List<LiveClient> people = new ArrayList<>();
        for (Role role : List.of(Role.CHAIR, Role.INVOLVED_STAFF, Role.FAMILY_MEMBER, Role.ADVOCATE)) {
            LiveClient client = LiveClient.connect(People.signedIn(role), fx.conference);
            client.hello();
            people.add(client);
        }
        String goal = people.get(0).plan().goals().get(0).id();
        var pool = Executors.newFixedThreadPool(people.size());
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (int p = 0; p < people.size(); p++) {
            LiveClient client = people.get(p);
            String mark = "[p" + p + "-";
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    synchronized (client) {
                        client.drain();
                        String text = client.plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION);
                        client.edit(new EditText(goal, PlanField.DESCRIPTION, TextOperation.insertAt(text.length(), text.length(), mark + i + "]")));
                    }
                }
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        for (LiveClient client : people) {
            client.settle();
        }
        // Everyone has seen everything once all changes are confirmed and the last revision has arrived.
        long last = people.stream().mapToLong(c -> c.replica.revision()).max().orElseThrow();
        for (LiveClient client : people) {
            if (client.replica.revision() < last) {
                client.nextMatching(m -> client.replica.revision() >= last, 10);
            }
        }
        String expected = people.get(0).plan().node(goal).orElseThrow().get(PlanField.DESCRIPTION);
        for (LiveClient client : people) {
            assertEquals(people.get(0).plan(), client.plan(), "every copy of the plan is the same");
        }
        for (int p = 0; p < people.size(); p++) {
            for (int i = 0; i < 15; i++) {
                assertTrue(expected.contains("[p" + p + "-" + i + "]"), "kept [p" + p + "-" + i + "] in " + expected);
            }
        }
        var rest = fx.chair.get("/families/" + fx.taylors + "/plan").json();
        assertEquals(expected, rest.getJsonArray("goals").getJsonObject(0).getString("description"), "the stored plan is the same");
        people.forEach(LiveClient::close);
    }

    @Test
    void a_change_made_through_the_rest_api_reaches_the_room_live() {
        try (LiveClient jess = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            jess.hello();
            String title = fx.unique("Made by form");
            assertEquals(200, fx.chair.post("/families/" + fx.taylors + "/plan/goals", json("title", title)).status());
            jess.nextMatching(m -> m.getString("type").equals("applied") && m.toString().contains(title), 5);
            assertTrue(jess.plan().goals().stream().anyMatch(g -> g.get(PlanField.TITLE).equals(title)));
        }
    }

    @Test
    void a_sign_off_and_the_edit_that_voids_it_appear_live_in_the_room() {
        try (LiveClient jess = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            jess.hello();
            String action = fx.socialCareAction();
            var worker = People.signedIn(Role.INVOLVED_STAFF);
            assertEquals(200, worker.post("/conferences/" + fx.conference + "/signatures",
                    json("actionId", action, "contentHash", fx.contentHash(fx.conference, action))).status());
            jess.nextMatching(m -> m.getString("type").equals("signoff") && m.toString().contains(action)
                    && m.toString().contains("\"state\":\"SIGNED\""), 5);
            // The chair changes the signed words: the room sees the signature voided.
            var plan = fx.chair.get("/families/" + fx.taylors + "/plan").json();
            assertEquals(200, fx.chair.put("/families/" + fx.taylors + "/plan/actions/" + action, json("description",
                    fx.unique("Reworded"), "ownerKind", "AGENCY", "ownerId", fx.socialCare)).status(), plan::toString);
            var voided = jess.nextMatching(m -> m.getString("type").equals("signoff")
                    && m.getJsonArray("actions").stream().anyMatch(a -> a.asJsonObject().getString("actionId").equals(action)
                            && a.asJsonObject().getString("state").equals("NEEDS_NEW_SIGNATURE")), 5);
            assertTrue(voided.toString().contains("Changed by Priya Shah"), voided::toString);
        }
    }

    @Test
    void a_removed_participant_is_disconnected_and_can_edit_no_more() {
        String conference = fx.freshConference();
        // The advocate is invited to a fresh conference, joins, and is then removed by the chair.
        var advocates = fx.chair.get("/families/" + fx.taylors + "/advocates").structure().asJsonArray();
        String advocateId = advocates.getJsonObject(0).getString("advocateId");
        var view = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "ADVOCATE", "advocateId", advocateId)).json();
        String invitee = DemoFixture.idWhere(view, "invitees", "name", "Dee Walker");
        LiveClient advocate = LiveClient.connect(People.signedIn(Role.ADVOCATE), conference);
        advocate.hello();
        assertEquals(200, fx.chair.delete("/conferences/" + conference + "/invitees/" + invitee).status());
        var reason = advocate.closedWithin(2).orElseThrow(() -> new AssertionError("still connected after removal"));
        assertEquals(4403, reason.getCloseCode().getCode());
        assertFalse(advocate.isOpen());
    }

    @Test
    void closing_the_conference_disconnects_everyone_in_the_room() {
        String conference = fx.freshConference();
        String start = fx.chair.get("/conferences/" + conference).json().getString("scheduledStart");
        assertEquals(200, fx.chair.put("/conferences/" + conference, json("kind", "CORE_GROUP", "scheduledStart", start, "status", "LIVE")).status());
        LiveClient chair = LiveClient.connect(fx.chair, conference);
        chair.hello();
        assertEquals(200, fx.close(conference).status());
        var reason = chair.closedWithin(2).orElseThrow(() -> new AssertionError("still connected after the conference closed"));
        assertEquals(4410, reason.getCloseCode().getCode());
    }

    @Test
    void signing_out_closes_the_live_connection_too() {
        ApiClient teacher = People.staff("teacher");
        try (LiveClient live = LiveClient.connect(teacher, fx.conference)) {
            live.hello();
            assertEquals(204, teacher.post("/auth/sign-out", null).status());
            var reason = live.closedWithin(2).orElseThrow(() -> new AssertionError("still connected after signing out"));
            assertEquals(4401, reason.getCloseCode().getCode());
        }
    }

    @Test
    void a_participant_kept_out_of_a_private_part_is_sent_nothing_of_it() {
        ApiClient jessApi = People.signedIn(Role.FAMILY_MEMBER);
        try (LiveClient chair = LiveClient.connect(fx.chair, fx.conference);
                LiveClient jess = LiveClient.connect(jessApi, fx.conference)) {
            chair.hello();
            jess.hello();
            String goal = chair.plan().goals().get(0).id();
            chair.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(fx.jessInvitee)).add("reason", "Police information about a third party").build());
            JsonObject jessRoom = jess.nextMatching(m -> m.getString("type").equals("room") && m.get("privatePart") instanceof JsonObject, 5);
            assertTrue(jessRoom.getJsonObject("privatePart").getBoolean("youAreExcluded"));
            assertFalse(jessRoom.toString().contains("Police information"), "the excluded are not told why");
            int before = jess.received.size();

            String secret = "SECRET-" + UUID.randomUUID();
            chair.send(Json.createObjectBuilder().add("type", "comment").add("id", goal).add("text", secret).build());
            chair.nextMatching(m -> m.getString("type").equals("comment"), 5);
            chair.drain();
            String text = chair.plan().node(goal).orElseThrow().get(PlanField.TITLE);
            chair.edit(new EditText(goal, PlanField.TITLE, TextOperation.insertAt(text.length(), text.length(), " " + secret)));
            chair.settle();

            jess.send(Json.createObjectBuilder().add("type", "comment").add("id", goal).add("text", "Can I say something?").build());
            assertEquals("forbidden", jess.next("error").getString("code"));
            for (JsonObject m : jess.received.subList(before, jess.received.size())) {
                assertFalse(m.toString().contains(secret), "excluded participant received " + m);
            }

            chair.send(type("endPrivate"));
            JsonObject sync = jess.next("sync");
            assertTrue(sync.toString().contains(secret), "after the private part the plan catches up");
            assertFalse(jess.receivedOfType("comment").stream().anyMatch(c -> c.toString().contains(secret)),
                    "comments made in private stay private");
        }
    }

    @Test
    void a_family_member_who_stays_in_a_private_part_reads_what_the_family_is_told_never_the_professionals_reason() {
        ApiClient jessApi = People.signedIn(Role.FAMILY_MEMBER);
        JsonObject conference = fx.chair.get("/conferences/" + fx.conference).json();
        String worker = conference.getJsonArray("invitees").stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("role").equals("AGENCY_STAFF")).findFirst().orElseThrow().getString("id");
        try (LiveClient chair = LiveClient.connect(fx.chair, fx.conference);
                LiveClient jess = LiveClient.connect(jessApi, fx.conference);
                LiveClient jessOldClient = LiveClient.connect(jessApi, fx.conference)) {
            chair.hello();
            jess.helloTakingRoomChanges();
            // A client that did not ask for room changes is sent the whole room: that path is checked too.
            jessOldClient.hello();
            chair.send(Json.createObjectBuilder().add("type", "startPrivate")
                    .add("excluded", Json.createArrayBuilder().add(worker))
                    .add("reason", "Police information about the father")
                    .add("familyText", "The chair is talking with one worker for a few minutes.").build());
            JsonObject chairSees = chair.nextMatching(m -> m.toString().contains("Police information about the father"), 5);
            assertTrue(chairSees.toString().contains("Police information"), "the professionals inside read their reason");
            for (LiveClient client : List.of(jess, jessOldClient)) {
                JsonObject part = client.nextMatching(m -> (m.getString("type").equals("privatePart") || m.getString("type").equals("room"))
                        && m.get("privatePart") instanceof JsonObject, 5).getJsonObject("privatePart");
                assertFalse(part.getBoolean("youAreExcluded"), "Jess stays in");
                assertEquals("The chair is talking with one worker for a few minutes.", part.getString("reason"));
            }
            chair.send(type("endPrivate"));
            chair.settle();
            for (LiveClient client : List.of(jess, jessOldClient)) {
                assertFalse(client.received.stream().anyMatch(m -> m.toString().contains("Police information")),
                        "no frame to the family carries the professionals' reason");
            }
        }
    }

    private static JsonObject privatePartKeepingOutJess(String reason) {
        return Json.createObjectBuilder().add("type", "startPrivate")
                .add("excluded", Json.createArrayBuilder().add(fx.jessInvitee)).add("reason", reason).build();
    }

    @Test
    void a_private_part_ends_within_twenty_seconds_of_its_chair_leaving_so_the_family_is_not_kept_out_of_its_plan() {
        ApiClient jessApi = People.signedIn(Role.FAMILY_MEMBER);
        try (LiveClient jess = LiveClient.connect(jessApi, fx.conference)) {
            jess.hello();
            LiveClient chair = LiveClient.connect(fx.chair, fx.conference);
            chair.hello();
            chair.send(privatePartKeepingOutJess("The chair's connection is about to drop"));
            jess.nextMatching(m -> m.getString("type").equals("room") && m.get("privatePart") instanceof JsonObject, 5);
            assertEquals(403, jessApi.get("/families/" + fx.taylors + "/plan").status(), "kept out while it runs");
            chair.close();

            // Told like any end: the plan catches up and the room says no private part runs.
            jess.nextMatching(m -> m.getString("type").equals("sync"), 20);
            jess.nextMatching(m -> m.getString("type").equals("room") && !(m.get("privatePart") instanceof JsonObject), 5);
            assertEquals(200, jessApi.get("/families/" + fx.taylors + "/plan").status(), "her plan is hers again");
        }
    }

    @Test
    void a_chair_who_reconnects_at_once_keeps_the_private_part_running() throws InterruptedException {
        // What is shown is that a reconnect cancels the end, not how long the grace is (the test above
        // holds the default to its bound): a 5 s grace, read when the chair leaves, spares 10 s of waiting.
        ServerSettings.set(GRACE, "5");
        ApiClient jessApi = People.signedIn(Role.FAMILY_MEMBER);
        try (LiveClient jess = LiveClient.connect(jessApi, fx.conference)) {
            jess.hello();
            LiveClient dropped = LiveClient.connect(fx.chair, fx.conference);
            dropped.hello();
            dropped.send(privatePartKeepingOutJess("A reconnect is not an end"));
            jess.nextMatching(m -> m.getString("type").equals("room") && m.get("privatePart") instanceof JsonObject, 5);
            dropped.close();
            try (LiveClient back = LiveClient.connect(fx.chair, fx.conference)) {
                back.hello();
                // Past the grace period (5 s here) with the chair back in the room: still running.
                Thread.sleep(10_000);
                assertEquals(403, jessApi.get("/families/" + fx.taylors + "/plan").status(), "the private part still runs");
                back.send(type("endPrivate"));
                jess.nextMatching(m -> m.getString("type").equals("sync"), 10);
            }
        } finally {
            ServerSettings.remove(GRACE);
        }
    }

    private static final String GRACE = "roundtable.live.private-part-grace-seconds";

    @Test
    void malformed_unknown_and_impossible_messages_get_errors_and_the_connection_stays_open() {
        try (LiveClient live = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            live.sendRaw("{ not json");
            assertEquals("malformed", live.next("error").getString("code"));
            live.send(type("raiseHand"));
            assertEquals("hello-first", live.next("error").getString("code"));
            live.hello();
            live.send(type("dance"));
            assertEquals("unknown-type", live.next("error").getString("code"));
            long revision = live.replica.revision();
            live.send(Json.createObjectBuilder().add("type", "submit").add("changeId", UUID.randomUUID().toString())
                    .add("baseRevision", revision).add("ops", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("op", "set").add("id", UUID.randomUUID().toString()).add("field", "STATUS").add("value", "DONE"))).build());
            JsonObject unknown = live.next("error");
            assertEquals("unknown-id", unknown.getString("code"));
            live.sendRaw("{\"type\":\"comment\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + "x".repeat(40_000) + "\"}");
            assertEquals("too-large", live.next("error").getString("code"));
            live.send(type("ping"));
            live.next("pong");
            assertTrue(live.isOpen());
            assertEquals(revision, fx.chair.get("/families/" + fx.taylors + "/plan").json().getJsonNumber("revision").longValue(),
                    "nothing was applied");
        }
    }

    @Test
    void a_change_based_on_history_no_longer_kept_is_refused_with_stale_base() {
        try (LiveClient live = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference)) {
            live.hello();
            long old = live.replica.revision();
            String goal = live.plan().goals().get(0).id();
            // More changes than the server keeps in memory (100 in the test server), made through forms.
            for (int i = 0; i < 101; i++) {
                assertEquals(200, fx.chair.post("/families/" + fx.taylors + "/plan/goals", json("title", "Goal " + i)).status());
            }
            String text = "whatever";
            live.send(Json.createObjectBuilder().add("type", "submit").add("changeId", UUID.randomUUID().toString())
                    .add("baseRevision", old).add("ops", Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "set")
                            .add("id", goal).add("field", "DELETED").add("value", "true"))).build());
            assertEquals("stale-base", live.next("error").getString("code"));
            assertTrue(live.isOpen(), text);
        }
    }

    @Test
    void a_flood_of_messages_closes_the_connection_with_a_policy_code() {
        LiveClient live = LiveClient.connect(People.signedIn(Role.INVOLVED_STAFF), fx.conference);
        live.hello();
        for (int i = 0; i < 400 && live.isOpen(); i++) {
            try {
                live.send(type("ping"));
            } catch (RuntimeException closed) {
                break;
            }
        }
        var reason = live.closedWithin(5).orElseThrow(() -> new AssertionError("a flood did not close the connection"));
        assertEquals(1008, reason.getCloseCode().getCode());
        assertTrue(live.receivedOfType("error").stream().anyMatch(e -> e.getString("code").equals("rate-limited")));
    }

    @Test
    void a_connection_from_another_website_or_without_a_session_is_refused() {
        String token = People.signedIn(Role.INVOLVED_STAFF).cookie("RT_SESSION");
        assertThrows(IllegalStateException.class, () -> LiveClient.connect(token, fx.conference, "https://evil.example"));
        assertThrows(IllegalStateException.class, () -> LiveClient.connect(null, fx.conference, ApiClient.BASE.toString()));
    }

    @Test
    void someone_not_invited_cannot_join_the_room() {
        LiveClient outsider = LiveClient.connect(People.signedIn(Role.UNINVOLVED_STAFF), fx.conference);
        var reason = outsider.closedWithin(3).orElseThrow(() -> new AssertionError("an outsider stayed connected"));
        assertEquals(4403, reason.getCloseCode().getCode());
    }

    @Test
    void hands_presence_and_the_agenda_are_shared_with_the_room() {
        try (LiveClient chair = LiveClient.connect(fx.chair, fx.conference);
                LiveClient jess = LiveClient.connect(People.signedIn(Role.FAMILY_MEMBER), fx.conference)) {
            chair.hello();
            jess.hello();
            jess.send(type("raiseHand"));
            chair.nextMatching(m -> m.getString("type").equals("room") && m.getJsonArray("hands").toString().contains(fx.jessInvitee), 5);
            String goal = jess.plan().goals().get(0).id();
            jess.send(Json.createObjectBuilder().add("type", "presence").add("editing",
                    Json.createObjectBuilder().add("id", goal).add("field", "TITLE")).build());
            // Where someone types goes out as that one person's presence, not the whole room (protocol 1.1).
            chair.nextMatching(m -> m.getString("type").equals("presence") && m.toString().contains("\"editing\":{\"id\":\"" + goal), 5);
            jess.send(Json.createObjectBuilder().add("type", "clearHand").add("participantId", fx.jessInvitee).build());
            assertEquals("forbidden", jess.next("error").getString("code"), "only the chair clears hands");
            String item = fx.chair.get("/conferences/" + fx.conference).json().getJsonArray("agenda").getJsonObject(1).getString("id");
            chair.send(Json.createObjectBuilder().add("type", "moveAgenda").add("itemId", item).build());
            jess.nextMatching(m -> m.getString("type").equals("room") && item.equals(m.getString("agendaItemId", null)), 5);
            chair.send(Json.createObjectBuilder().add("type", "clearHand").add("participantId", fx.jessInvitee).build());
            jess.nextMatching(m -> m.getString("type").equals("room") && m.getJsonArray("hands").isEmpty(), 5);
        }
    }
}
