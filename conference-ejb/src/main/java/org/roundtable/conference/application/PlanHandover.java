package org.roundtable.conference.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.roundtable.conference.infrastructure.cache.ClusterMembersChanged;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.cache.PlanOwnership;

/**
 * A node being stopped (to patch it, say) hands its plans over before its application stops
 * answering for them. Until 2026-12-04 a stopping node stayed their owner until its cache left
 * the cluster, after its application had already stopped listening: changes and reconnecting
 * clients sent to it from other nodes waited up to 10 s for nothing, and then reconnected again.
 *
 * <p>In order, as the application begins to stop: this node stops owning plans (what it is sent
 * from then on is answered "moved"); everything it took for them is stored; it tells the others
 * ({@link PlanOwnership#LEAVING}), after every change it told them of before, and waits for that
 * to leave. The others pass it over from then on: the next owner of each plan reads it whole from
 * the database. A node that starts owns plans only once its application has started and it has
 * said so ({@link PlanOwnership#serve}: the mirror image, decision 17).
 */
@ApplicationScoped
public class PlanHandover {

    private static final Logger LOG = Logger.getLogger(PlanHandover.class.getName());

    /** How long a stopping node waits for what it took to be stored, and then for its last signal to leave. */
    static final long STORE_WAIT_MILLIS = 3000;
    static final long SEND_WAIT_MILLIS = 2000;

    @Inject
    private PlanOwnership ownership;

    @Inject
    private ClusterSignals signals;

    @Inject
    private LivePlanService plans;

    @Inject
    private Event<ClusterMembersChanged> membersChanged;

    /**
     * After ClusterSignals and PlanOwnership have started listening (their observers have the
     * default priority), so that what the other nodes send on to this node from now on is heard.
     */
    void serving(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object started) {
        if (signals.clustered()) {
            ownership.serve();
        }
    }

    /** Before any bean of the application is destroyed: ClusterSignals still listens, and the writer still writes. */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (!signals.clustered() || ownership.members().size() < 2) {
            return;
        }
        long began = System.nanoTime();
        String node = ownership.thisNode();
        ownership.leave();
        LivePlanService.HandedOver handedOver = plans.storeBeforeHandingOver(STORE_WAIT_MILLIS);
        signals.send(PlanOwnership.LEAVING, ownership.announcement());
        boolean sent = signals.sentWithin(SEND_WAIT_MILLIS);
        // Here too: the copies of plans this node owned are marked as followed, and waits on other nodes are looked at again.
        membersChanged.fire(new ClusterMembersChanged(ownership.members()));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        LOG.info(() -> "Stopping: " + node + " handed its " + handedOver.plans() + " plans in memory over to the other nodes in "
                + took + " ms" + (handedOver.allStored() ? "" : "; what it took for some was not yet stored, and was thrown away"
                        + " (their rooms reconnect and send it again to the next owners)")
                + (sent ? "" : "; the other nodes may not have heard (they find out when it leaves the cluster)"));
    }
}
