package org.roundtable.shared.plan;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.roundtable.shared.plan.PlanOperation.CreateAction;
import org.roundtable.shared.plan.PlanOperation.CreateGoal;
import org.roundtable.shared.plan.PlanOperation.EditText;
import org.roundtable.shared.plan.PlanOperation.SetField;

/**
 * Several people editing one plan through an unreliable network: messages are delayed (each
 * connection keeps its order, as a WebSocket does), duplicated, or lost when a connection drops;
 * people keep editing while offline and come back later. Driven by one random seed, so a
 * failing case can be replayed.
 */
final class LiveEditingSimulation {

    final PlanAuthority server;
    final List<Client> clients = new ArrayList<>();
    final Set<String> typedWords = new LinkedHashSet<>();
    private final Random random;
    private final boolean allowDeletes;
    /** Type any Unicode (astral characters, combining marks, half pairs), edited code unit by code unit. */
    private boolean unicode;
    private int words;
    /** How much trouble the run saw, so the test can show it covered the hard cases. */
    int disconnects;
    int duplicates;
    int concurrentChanges;
    int refusals;

    final class Client {
        PlanReplica replica;
        final Deque<PlanChange> toServer = new ArrayDeque<>();
        final Deque<PlanChange> fromServer = new ArrayDeque<>();
        boolean connected = true;
        PlanChange lastSent;

        Client(String id, PlanDocument start) {
            replica = new PlanReplica(id, start, server.revision());
        }

        void send() {
            replica.nextToSend().ifPresent(change -> {
                lastSent = change;
                if (connected) {
                    toServer.add(change);
                }
            });
        }

        void disconnect() {
            connected = false;
            toServer.clear();
            fromServer.clear();
        }

        /**
         * The server refused our change (an error frame): as the browser does, come back for the
         * plan as it is. What was refused was never acknowledged; the person was told.
         */
        void refused() {
            refusals++;
            toServer.clear();
            fromServer.clear();
            replica = new PlanReplica(replica.clientId(), server.document(), server.revision());
            String prefix = "<" + replica.clientId() + "#";
            typedWords.removeIf(w -> w.contains(prefix) && !server.document().toString().contains(w.substring(w.lastIndexOf('|') + 1)));
            lastSent = null;
        }

        void reconnect() {
            connected = true;
            for (PlanChange missed : server.since(replica.revision())) {
                replica.receive(missed);
            }
            replica.resend().ifPresent(change -> {
                lastSent = change;
                toServer.add(change);
            });
        }
    }

    LiveEditingSimulation(long seed, int people, boolean allowDeletes) {
        this.random = new Random(seed);
        this.allowDeletes = allowDeletes;
        var start = new PlanDocument();
        String goal = UUID.nameUUIDFromBytes(("goal" + seed).getBytes()).toString();
        start.apply(new CreateGoal(goal, FractionalIndex.between(null, null), "Ryan goes to school"));
        start.apply(new CreateAction(UUID.nameUUIDFromBytes(("action" + seed).getBytes()).toString(), goal, "V", "Walk"));
        server = new PlanAuthority(start, 0, 10_000);
        for (int i = 0; i < people; i++) {
            clients.add(new Client("client-" + i, start));
        }
    }

    LiveEditingSimulation withUnicode() {
        unicode = true;
        return this;
    }

    void run(int steps) {
        for (int i = 0; i < steps; i++) {
            Client c = clients.get(random.nextInt(clients.size()));
            int roll = random.nextInt(100);
            if (roll < 35) {
                edit(c);
            } else if (roll < 55) {
                c.send();
            } else if (roll < 75) {
                deliverToServer(c);
            } else if (roll < 92) {
                deliverToClient(c);
            } else if (roll < 95) {
                if (c.connected && c.lastSent != null) {
                    c.toServer.add(c.lastSent); // the network delivers it twice
                    duplicates++;
                }
            } else if (roll < 98) {
                disconnects += c.connected ? 1 : 0;
                c.disconnect();
            } else if (!c.connected) {
                c.reconnect();
            }
        }
    }

    /** Everyone comes back online and the network drains; afterwards nothing is unconfirmed. */
    void settle() {
        for (Client c : clients) {
            if (!c.connected) {
                c.reconnect();
            }
        }
        boolean busy = true;
        while (busy) {
            busy = false;
            for (Client c : clients) {
                c.send();
                while (!c.toServer.isEmpty()) {
                    deliverToServer(c);
                    busy = true;
                }
            }
            for (Client c : clients) {
                while (!c.fromServer.isEmpty()) {
                    deliverToClient(c);
                    busy = true;
                }
                busy |= c.replica.hasUnconfirmed();
            }
        }
    }

    private void deliverToServer(Client c) {
        PlanChange change = c.toServer.poll();
        if (change == null) {
            return;
        }
        if (change.revision() < server.revision()) {
            concurrentChanges++;
        }
        PlanAuthority.Outcome outcome;
        try {
            outcome = server.submit(overTheWire(change));
        } catch (PlanRejection e) {
            c.refused();
            return;
        }
        if (outcome instanceof PlanAuthority.Applied applied) {
            PlanChange sent = overTheWire(applied.change());
            for (Client each : clients) {
                if (each.connected) {
                    each.fromServer.add(sent);
                }
            }
        }
    }

    /** A change as it arrives at the other end: JSON text, encoded as UTF-8 bytes, decoded and read. */
    private static PlanChange overTheWire(PlanChange change) {
        byte[] bytes = PlanJson.operationsText(change.operations()).getBytes(StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return new PlanChange(change.changeId(), change.clientId(), change.revision(), PlanJson.operations(reader.readValue()));
        }
    }

    private void deliverToClient(Client c) {
        PlanChange change = c.fromServer.poll();
        if (change != null) {
            c.replica.receive(change);
        }
    }

    /** Where a word can go without splitting a word someone else typed (that would be an edit, not a loss). */
    private static List<Integer> placesOutsideWords(String text) {
        var places = new ArrayList<Integer>();
        int depth = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (depth == 0) {
                places.add(i);
            }
            if (i < text.length()) {
                depth += text.charAt(i) == '<' ? 1 : text.charAt(i) == '>' ? -1 : 0;
            }
        }
        return places;
    }

    private void edit(Client c) {
        PlanDocument doc = c.replica.document();
        List<PlanNode> nodes = doc.nodes();
        PlanNode node = nodes.get(random.nextInt(nodes.size()));
        int kind = random.nextInt(10);
        if (kind < 6) {
            PlanField field = node.kind() == PlanNode.Kind.GOAL && random.nextBoolean() ? PlanField.TITLE : PlanField.DESCRIPTION;
            String text = node.get(field);
            if (unicode && typeUnicode(c, node, field, text)) {
                return;
            }
            if (allowDeletes && text.length() > 2 && random.nextInt(4) == 0) {
                int at = random.nextInt(text.length() - 1);
                c.replica.edit(new EditText(node.id(), field, TextOperation.deleteAt(text.length(), at, 1 + random.nextInt(Math.min(3, text.length() - at)))));
            } else {
                String word = "<" + c.replica.clientId() + "#" + (words++) + ">";
                typedWords.add(node.id() + "|" + field + "|" + word);
                List<Integer> places = placesOutsideWords(text);
                int at = places.get(random.nextInt(places.size()));
                c.replica.edit(new EditText(node.id(), field, TextOperation.insertAt(text.length(), at, word)));
            }
        } else if (kind < 8 && node.kind() == PlanNode.Kind.ACTION) {
            String[] statuses = {"PROPOSED", "AGREED", "IN_PROGRESS", "DONE"};
            c.replica.edit(new SetField(node.id(), PlanField.STATUS, statuses[random.nextInt(statuses.length)]));
        } else if (kind < 9) {
            List<PlanNode> goals = doc.nodes().stream().filter(n -> n.kind() == PlanNode.Kind.GOAL).toList();
            PlanNode goal = goals.get(random.nextInt(goals.size()));
            if (random.nextBoolean()) {
                c.replica.edit(new CreateAction(UUID.randomUUID().toString(), goal.id(), FractionalIndex.between(null, null), ""));
            } else {
                c.replica.edit(new CreateGoal(UUID.randomUUID().toString(), FractionalIndex.between(goal.get(PlanField.POSITION), null), ""));
            }
        } else if (allowDeletes) {
            c.replica.edit(new SetField(node.id(), PlanField.DELETED, Boolean.toString(random.nextBoolean())));
        } else {
            c.replica.edit(new SetField(node.id(), PlanField.POSITION, FractionalIndex.between(null, node.get(PlanField.POSITION))));
        }
    }

    /** Bits of text from all over Unicode, some of them half a character on purpose. */
    private static final String[] UNICODE = {"\ud83d\ude00", "e\u0301", "\u65e5\u672c", "\ud83d\udc69\u200d\ud83d\udc67",
        "\ud800\udc00", "\u0915\u094d\u0937", "\ud83d", "\ude01", "a", " "};

    /** Types, swaps the low half of an astral character, or deletes one code unit; false to type an ordinary word instead. */
    private boolean typeUnicode(Client c, PlanNode node, PlanField field, String text) {
        int roll = random.nextInt(4);
        if (roll == 0) {
            String bit = UNICODE[random.nextInt(UNICODE.length)];
            c.replica.edit(new EditText(node.id(), field, TextOperation.insertAt(text.length(), random.nextInt(text.length() + 1), bit)));
            return true;
        }
        if (roll == 1) {
            for (int i = 0; i + 1 < text.length(); i++) {
                if (Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
                    // How a code-unit diff changes one emoji into the next: keep the high half, swap the low one.
                    char low = (char) (0xDC00 + random.nextInt(0x400));
                    c.replica.edit(new EditText(node.id(), field, TextOperation.builder().retain(i + 1).insert(String.valueOf(low))
                            .delete(1).retain(text.length() - i - 2).build()));
                    return true;
                }
            }
            return false;
        }
        if (roll == 2 && !text.isEmpty()) {
            c.replica.edit(new EditText(node.id(), field, TextOperation.deleteAt(text.length(), random.nextInt(text.length()), 1)));
            return true;
        }
        return false;
    }
}
