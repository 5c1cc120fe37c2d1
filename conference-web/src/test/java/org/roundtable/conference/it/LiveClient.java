package org.roundtable.conference.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanReplica;

/**
 * A participant's live connection for tests, over a real socket (Tyrus), with the same replica
 * logic the browser uses: local edits apply at once, one change is in flight, others' changes
 * are rewritten against what is unconfirmed.
 */
public final class LiveClient implements AutoCloseable {

    private static final ClientManager CONTAINER = ClientManager.createClient();

    private Session session;
    private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    /** Every message received, for checking later what someone was (not) sent. */
    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    PlanReplica replica;
    JsonObject welcome;
    /** Every frame received is checked against the protocol's schema as the server serves it. */
    private ProtocolSchema schema;
    final List<String> schemaProblems = new CopyOnWriteArrayList<>();

    private LiveClient() {
    }

    public static LiveClient connect(ApiClient person, String conferenceId) {
        return connect(person.cookie("RT_SESSION"), conferenceId, person.base().toString(), person.base());
    }

    public static LiveClient connect(String sessionToken, String conferenceId, String origin) {
        return connect(sessionToken, conferenceId, origin, ApiClient.BASE);
    }

    public static LiveClient connect(String sessionToken, String conferenceId, String origin, URI base) {
        var client = new LiveClient();
        client.schema = ProtocolSchema.servedBy(base);
        var config = ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                if (sessionToken != null) {
                    headers.put("Cookie", List.of("RT_SESSION=" + sessionToken));
                }
                if (origin != null) {
                    headers.put("Origin", List.of(origin));
                }
            }
        }).build();
        try {
            client.session = CONTAINER.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session s, EndpointConfig c) {
                    s.addMessageHandler(String.class, text -> {
                        JsonObject frame = Json.createReader(new StringReader(text)).readObject();
                        client.schemaProblems.addAll(client.schema.problemsOfServerMessage(frame));
                        // A batch frame carries several messages, in order.
                        var messages = "batch".equals(frame.getString("type"))
                                ? frame.getJsonArray("messages").getValuesAs(JsonObject.class) : java.util.List.of(frame);
                        for (JsonObject message : messages) {
                            client.received.add(message);
                            client.inbox.add(message);
                        }
                    });
                }

                @Override
                public void onClose(Session s, CloseReason reason) {
                    client.closed.complete(reason);
                }
            }, config, URI.create(base.toString().replace("http", "ws") + "/live/conferences/" + conferenceId));
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("could not connect: " + e.getMessage(), e);
        }
    }

    public void send(JsonObject message) {
        try {
            session.getBasicRemote().sendText(message.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One part of a message sent in several frames (the last part with last = true). */
    public void sendPart(String text, boolean last) {
        try {
            session.getBasicRemote().sendText(text, last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendRaw(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Says hello and waits for the welcome; keeps a replica of the plan from it. */
    public JsonObject hello() {
        return hello(Json.createObjectBuilder().add("type", "hello").add("v", 1).build());
    }

    /** Says hello asking for changes to the room instead of the whole room each time (1.2), as the browser does. */
    public JsonObject helloTakingRoomChanges() {
        return hello(Json.createObjectBuilder().add("type", "hello").add("v", 1).add("roomChanges", true).build());
    }

    /** Says this hello (one listing changes in flight, say) and waits for the welcome, as {@link #hello()} does. */
    public JsonObject hello(JsonObject hello) {
        send(hello);
        welcome = next("welcome");
        if (welcome.containsKey("plan")) {
            replica = new PlanReplica("test", PlanJson.document(welcome.getJsonObject("plan")), welcome.getJsonNumber("revision").longValue());
            if (welcome.getBoolean("onlyOwnActions", false)) {
                replica.seeingPartOfThePlan();
            }
        }
        return welcome;
    }

    /** The next message of a type, taking in plan changes on the way; fails after a few seconds. */
    public JsonObject next(String type) {
        return nextMatching(m -> m.getString("type").equals(type), 10);
    }

    public JsonObject nextMatching(Predicate<JsonObject> wanted, int seconds) {
        assertFramesConform();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject m = inbox.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("nothing matching arrived; got " + received);
                }
                absorb(m);
                if (wanted.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes in whatever has arrived, without waiting. */
    public void drain() {
        JsonObject m;
        while ((m = inbox.poll()) != null) {
            absorb(m);
        }
    }

    private void absorb(JsonObject m) {
        if (replica != null && m.getString("type").equals("sync") && m.containsKey("plan") && !replica.hasUnconfirmed()) {
            // A fresh plan (after a private part, or when what the family shares changed): taken whole.
            replica = new PlanReplica("test", PlanJson.document(m.getJsonObject("plan")), m.getJsonNumber("revision").longValue());
            if (m.getBoolean("onlyOwnActions", false)) {
                replica.seeingPartOfThePlan();
            }
        }
        if (replica != null && m.getString("type").equals("sync") && m.containsKey("missed")) {
            // What this copy missed (after a private part, or when another node's copy caught up): taken in order.
            for (JsonValue change : m.getJsonArray("missed")) {
                JsonObject c = change.asJsonObject();
                replica.receive(new PlanChange(c.getString("changeId"), c.getString("clientId"), c.getJsonNumber("revision").longValue(),
                        PlanJson.operations(c.get("ops"))));
            }
        }
        if (replica != null && m.getString("type").equals("applied")) {
            replica.receive(new PlanChange(m.getString("changeId"), m.getString("clientId"), m.getJsonNumber("revision").longValue(),
                    PlanJson.operations(m.get("ops"))));
        }
    }

    /** A local edit, applied to the replica now and sent when nothing else is in flight. */
    public void edit(PlanOperation op) {
        replica.edit(op);
        flush();
    }

    public void flush() {
        replica.nextToSend().ifPresent(change -> send(Json.createObjectBuilder().add("type", "submit")
                .add("changeId", change.changeId()).add("baseRevision", change.revision())
                .add("ops", PlanJson.toJson(change.operations())).build()));
    }

    /** Keeps taking in changes and sending what waits until nothing of ours is unconfirmed. */
    public void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (replica.hasUnconfirmed()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("changes still unconfirmed: " + received.subList(Math.max(0, received.size() - 5), received.size()));
            }
            try {
                JsonObject m = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    absorb(m);
                    if (m.getString("type").equals("error")) {
                        throw new AssertionError("the server refused a change: " + m);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            flush();
        }
    }

    /**
     * Connects again after the connection was lost, to {@code base} (another node, say), and
     * carries on as docs/protocol.md's rule 4 says: hello with the revision held and the change in
     * flight as pending, take what was missed (our own change among it counts as confirmed), then
     * send the change in flight again if it is still unconfirmed. The same copy of the plan goes on.
     */
    public static LiveClient resume(LiveClient before, String sessionToken, String conferenceId, URI base) {
        var client = connect(sessionToken, conferenceId, base.toString(), base);
        client.replica = before.replica;
        var hello = Json.createObjectBuilder().add("type", "hello").add("v", 1).add("revision", client.replica.revision());
        client.replica.inFlightId().ifPresent(id -> hello.add("pending", Json.createArrayBuilder().add(id)));
        client.send(hello.build());
        try {
            // The server gives a hello with changes in flight 10 s to be settled on the plan's owner,
            // then closes with 1013 (docs/protocol.md); a browser then connects again, and so does the caller.
            client.welcome = client.nextMatching(m -> m.getString("type").equals("welcome"), 12);
        } catch (AssertionError noWelcome) {
            client.close();
            throw new IllegalStateException("no welcome on the new connection (" + noWelcome.getMessage() + "); connect again", noWelcome);
        }
        if (client.welcome.containsKey("plan")) {
            throw new AssertionError("the server sent the whole plan, not what this copy missed: " + client.welcome);
        }
        for (JsonValue change : client.welcome.containsKey("missed") ? client.welcome.getJsonArray("missed") : List.<JsonValue>of()) {
            JsonObject c = change.asJsonObject();
            client.replica.receive(new PlanChange(c.getString("changeId"), c.getString("clientId"), c.getJsonNumber("revision").longValue(),
                    PlanJson.operations(c.get("ops"))));
        }
        client.replica.resend().ifPresent(change -> client.send(Json.createObjectBuilder().add("type", "submit")
                .add("changeId", change.changeId()).add("baseRevision", change.revision())
                .add("ops", PlanJson.toJson(change.operations())).build()));
        return client;
    }

    /** Takes in whatever has arrived and sends what waits, without waiting; true while something of ours is unconfirmed. */
    public boolean pump() {
        drain();
        if (session.isOpen()) {
            try {
                flush();
            } catch (IllegalStateException | UncheckedIOException closedMeanwhile) {
                // The next pump finds it closed.
            }
        }
        return replica.hasUnconfirmed();
    }

    public PlanDocument plan() {
        return replica.document();
    }

    public List<JsonObject> receivedOfType(String type) {
        var list = new ArrayList<JsonObject>();
        received.stream().filter(m -> m.getString("type").equals(type)).forEach(list::add);
        return list;
    }

    public Optional<CloseReason> closedWithin(int seconds) {
        try {
            return Optional.of(closed.get(seconds, TimeUnit.SECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Fails if any frame received so far broke the protocol's schema. */
    public void assertFramesConform() {
        if (!schemaProblems.isEmpty()) {
            throw new AssertionError("frames that break docs/protocol.md's schema: " + schemaProblems);
        }
    }

    @Override
    public void close() {
        assertFramesConform();
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway (the server may have closed it at the same moment)
        }
    }
}
