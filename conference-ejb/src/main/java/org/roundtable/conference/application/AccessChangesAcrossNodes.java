package org.roundtable.conference.application;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.infrastructure.cache.ClusterSignal;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;

/**
 * A change of access made on one node takes effect on every node: once committed it is told to
 * the others (ClusterSignals), which fire it as their own, so their live rooms re-check their
 * connections (a person signed out on node A loses their socket on node B at once) and their
 * sharing answers are forgotten. A change heard from another node is not told on again.
 */
@ApplicationScoped
public class AccessChangesAcrossNodes {

    static final String TOPIC = "access-changed";

    @Inject
    private ClusterSignals signals;

    @Inject
    private Event<AccessChanged> accessChanged;

    @Resource
    private ManagedExecutorService executor;

    /** Early among the observers (after the sharing answers are forgotten): this node's own re-check may take a while. */
    void tellTheOtherNodes(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(2) AccessChanged change) {
        if (!change.fromAnotherNode()) {
            signals.send(TOPIC, change.what() + "\n" + (change.familyId() == null ? "" : change.familyId()));
        }
    }

    void hear(@Observes ClusterSignal signal) {
        if (!TOPIC.equals(signal.topic())) {
            return;
        }
        String[] parts = signal.text().split("\n", 2);
        UUID familyId = parts.length < 2 || parts[1].isEmpty() ? null : UUID.fromString(parts[1]);
        // Off the thread that fires this node's signals in order: re-checking every live connection
        // here takes a while, and the sender's later signals (its plan changes) would wait behind it.
        executor.execute(() -> accessChanged.fire(new AccessChanged(parts[0], familyId, true)));
    }
}
