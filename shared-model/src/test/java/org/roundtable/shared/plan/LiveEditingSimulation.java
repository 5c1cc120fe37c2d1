package org.roundtable.shared.plan;

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
    private int words;
    /** How much trouble the run saw, so the test can show it covered the hard cases. */
    int disconnects;
    int duplicates;
    int concurrentChanges;

    final class Client {
        final PlanReplica replica;
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
        if (server.submit(change) instanceof PlanAuthority.Applied applied) {
            for (Client each : clients) {
                if (each.connected) {
                    each.fromServer.add(applied.change());
                }
            }
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
}
