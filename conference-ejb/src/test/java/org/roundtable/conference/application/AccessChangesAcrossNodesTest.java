package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.infrastructure.cache.ClusterSignal;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.persistence.AccessChangeLog;

/**
 * A change of access reaches every node: by the signal its node sends as it commits, or, when that
 * signal is lost, through the log of changes in the database, which each node reads every few seconds.
 */
class AccessChangesAcrossNodesTest {

    /** access_change: each change's number and when it was made. */
    private final Map<Long, Instant> database = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();
    /** What this node acted on: each AccessChanged it fired itself, told by a signal or made up for. */
    private final List<AccessChanged> actedOn = new ArrayList<>();
    private final List<Long> checkEverySeconds = new ArrayList<>();
    private final List<Synchronization> onCompletion = new ArrayList<>();
    private Object transaction = "a transaction";
    private int transactionStatus = Status.STATUS_ACTIVE;
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private long otherNodesNumbers = 1000;
    private Runnable check;
    private final AccessChangesAcrossNodes node = new AccessChangesAcrossNodes();

    AccessChangesAcrossNodesTest() throws ReflectiveOperationException {
        InjectedFields.set(node, "signals", new ClusterSignals() {
            @Override
            public void send(String topic, String text) {
                sent.add(topic + ": " + text.replace('\n', '|'));
            }
        });
        InjectedFields.set(node, "log", new AccessChangeLog() {
            @Override
            public void record(long number, Instant at) {
                database.put(number, at);
            }

            @Override
            public List<Long> madeSince(Instant since) {
                return database.entrySet().stream().filter(e -> e.getValue().isAfter(since)).map(Map.Entry::getKey).toList();
            }

            @Override
            public int forgetBefore(Instant before) {
                int before0 = database.size();
                database.values().removeIf(at -> at.isBefore(before));
                return before0 - database.size();
            }
        });
        InjectedFields.set(node, "clock", new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        InjectedFields.set(node, "transactions", Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getTransactionKey" -> transaction;
                    case "getTransactionStatus" -> transactionStatus;
                    case "registerInterposedSynchronization" -> {
                        onCompletion.add((Synchronization) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
        InjectedFields.set(node, "accessChanged", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        actedOn.add((AccessChanged) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
        InjectedFields.set(node, "executor", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        ((Runnable) args[0]).run();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
        InjectedFields.set(node, "scheduler", Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("scheduleWithFixedDelay")) {
                        check = (Runnable) args[0];
                        assertEquals(0L, (long) (Long) args[1], "the log is read at once when the node starts");
                        checkEverySeconds.add(((TimeUnit) args[3]).toSeconds((Long) args[2]));
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ScheduledFuture.class},
                                (f, m, a) -> m.getReturnType() == boolean.class ? Boolean.TRUE : null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    /** The node starts: its first check runs at once, as the scheduler would run it. */
    private void start() {
        node.start(new Object());
        check.run();
    }

    /** Five seconds later, the next check. */
    private void nextCheck() {
        now = now.plusSeconds(5);
        check.run();
    }

    /** Another node commits a change of access, written to the log; its signal is whatever the test does next. */
    private long changeMadeOnAnotherNode() {
        long number = otherNodesNumbers++;
        database.put(number, now);
        return number;
    }

    private void commit() {
        onCompletion.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        onCompletion.clear();
    }

    @Test
    void the_log_is_read_every_five_seconds() {
        start();
        assertEquals(List.of(5L), checkEverySeconds);
    }

    @Test
    void a_change_made_here_is_written_in_its_transaction_and_told_with_its_number_as_it_commits_then_never_made_up_for() {
        start();
        UUID family = UUID.randomUUID();
        node.tellTheOtherNodes(new AccessChanged("sharing changed", family));
        assertEquals(1, database.size(), "written in the change's transaction");
        assertTrue(sent.isEmpty(), "not told before it commits");
        commit();
        long number = database.keySet().iterator().next();
        assertEquals(List.of("access-changed: sharing changed|" + family + "|" + number), sent);
        nextCheck();
        nextCheck();
        nextCheck();
        assertTrue(actedOn.isEmpty(), "this node's own observers acted on it already; the checks add nothing: " + actedOn);
    }

    @Test
    void a_change_rolled_back_is_told_to_no_one() {
        start();
        node.tellTheOtherNodes(new AccessChanged("signed out"));
        onCompletion.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
        assertTrue(sent.isEmpty(), sent.toString());
    }

    @Test
    void a_change_in_a_transaction_already_marked_to_roll_back_is_neither_written_nor_told() {
        start();
        transactionStatus = Status.STATUS_MARKED_ROLLBACK;
        node.tellTheOtherNodes(new AccessChanged("signed out"));
        assertNeitherWrittenNorTold();
    }

    @Test
    void a_change_heard_from_another_node_is_not_told_on() {
        start();
        node.tellTheOtherNodes(new AccessChanged("signed out", null, true));
        assertNeitherWrittenNorTold();
    }

    private void assertNeitherWrittenNorTold() {
        assertTrue(database.isEmpty(), "written: " + database);
        assertTrue(onCompletion.isEmpty(), "waiting to be told on commit");
        assertTrue(sent.isEmpty(), "told: " + sent);
    }

    @Test
    void a_change_told_of_by_its_signal_is_acted_on_once() {
        start();
        long change = changeMadeOnAnotherNode();
        UUID family = UUID.randomUUID();
        node.hear(new ClusterSignal("access-changed", "sharing changed\n" + family + "\n" + change));
        nextCheck();
        nextCheck();
        nextCheck();
        assertEquals(List.of(new AccessChanged("sharing changed", family, true)), actedOn);
        assertTrue(sent.isEmpty(), "a change heard from another node is not told on");
    }

    @Test
    void a_change_whose_signal_never_came_is_made_up_for_at_the_second_check_that_sees_it() {
        start();
        changeMadeOnAnotherNode();
        nextCheck();
        assertTrue(actedOn.isEmpty(), "its signal may still be on its way at the first check that sees it");
        nextCheck();
        assertEquals(1, actedOn.size(), "made up for at the next");
        AccessChanged madeUp = actedOn.get(0);
        assertTrue(madeUp.fromAnotherNode(), "not told on to the other nodes");
        assertEquals(null, madeUp.familyId(), "not knowing whose it was, every connection and sharing answer is checked again");
        nextCheck();
        nextCheck();
        assertEquals(1, actedOn.size(), "once");
    }

    @Test
    void a_signal_that_comes_after_the_check_that_first_saw_its_change_is_still_in_time() {
        start();
        long change = changeMadeOnAnotherNode();
        nextCheck();
        node.hear(new ClusterSignal("access-changed", "signed out\n\n" + change));
        nextCheck();
        nextCheck();
        assertEquals(List.of(new AccessChanged("signed out", null, true)), actedOn);
    }

    @Test
    void one_lost_among_many_heard_is_made_up_for_once() {
        start();
        for (int i = 0; i < 5; i++) {
            long change = changeMadeOnAnotherNode();
            if (i != 3) {
                node.hear(new ClusterSignal("access-changed", "signed out\n\n" + change));
            }
        }
        nextCheck();
        nextCheck();
        nextCheck();
        assertEquals(5, actedOn.size(), "four told, one made up for: " + actedOn);
        assertEquals("a change of access whose signal was lost", actedOn.get(4).what());
    }

    @Test
    void changes_made_before_this_node_started_are_not_its_to_make_up_for() {
        changeMadeOnAnotherNode();
        changeMadeOnAnotherNode();
        start();
        nextCheck();
        nextCheck();
        assertTrue(actedOn.isEmpty(), actedOn.toString());
    }

    @Test
    void a_change_older_than_the_checks_look_back_is_not_read_and_rows_older_than_a_day_are_deleted() {
        start();
        now = now.plus(Duration.ofHours(2));
        database.put(7L, now.minus(Duration.ofDays(2)));
        database.put(8L, now.minus(Duration.ofMinutes(11)));
        check.run();
        nextCheck();
        assertTrue(actedOn.isEmpty(), actedOn.toString());
        assertEquals(List.of(8L), List.copyOf(database.keySet()), "the row of two days ago is gone");
    }

    @Test
    void a_signal_from_a_node_of_the_version_before_without_a_number_is_acted_on_and_its_change_made_up_for_as_well() {
        start();
        changeMadeOnAnotherNode();
        node.hear(new ClusterSignal("access-changed", "signed out\n"));
        nextCheck();
        nextCheck();
        assertEquals(2, actedOn.size(), "at once from its signal, and again at the check: checked twice rather than missed");
    }

    @Test
    void outside_a_transaction_a_change_is_told_at_once_without_a_number() {
        start();
        transaction = null;
        node.tellTheOtherNodes(new AccessChanged("signed out"));
        assertEquals(List.of("access-changed: signed out|"), sent);
        assertTrue(database.isEmpty());
    }

    @Test
    void a_check_that_fails_does_not_stop_the_ones_after_it() throws ReflectiveOperationException {
        start();
        InjectedFields.set(node, "log", new AccessChangeLog() {
            @Override
            public List<Long> madeSince(Instant since) {
                throw new IllegalStateException("the database is away");
            }
        });
        nextCheck();
        long change = otherNodesNumbers++;
        InjectedFields.set(node, "log", new AccessChangeLog() {
            @Override
            public List<Long> madeSince(Instant since) {
                return List.of(change);
            }

            @Override
            public int forgetBefore(Instant before) {
                return 0;
            }
        });
        nextCheck();
        nextCheck();
        assertEquals(1, actedOn.size(), "the change made while the database was away is made up for once it is back");
    }

    @Test
    void changes_made_up_for_every_few_seconds_under_load_give_one_warning_a_minute_that_counts_them() {
        List<String> warnings = new ArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(AccessChangesAcrossNodes.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            start();
            // A change every 5 s whose signal never comes, for two minutes: each made up for at the check after it was seen.
            for (int i = 0; i < 24; i++) {
                changeMadeOnAnotherNode();
                nextCheck();
            }
            nextCheck();
            assertEquals(24, actedOn.size(), "every one made up for");
            assertEquals(2, warnings.size(), "one warning a minute at most: " + warnings);
            assertTrue(warnings.get(0).startsWith("1 change(s) of access"), "the first at once: " + warnings.get(0));
            assertTrue(warnings.get(1).startsWith("12 change(s) of access"), "the next counts those since: " + warnings.get(1));
        } finally {
            logger.removeHandler(handler);
        }
    }
}
