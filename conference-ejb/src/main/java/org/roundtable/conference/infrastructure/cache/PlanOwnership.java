package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.infinispan.Cache;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.TopologyChanged;
import org.infinispan.notifications.cachelistener.event.TopologyChangedEvent;

/**
 * Which node of the cluster owns a family's plan (decision 14): the primary owner of the family's
 * key in the replicated "signals" cache. Every node works it out from the same cache topology, so
 * there is no election of our own; when a node joins or leaves, Infinispan moves the keys and
 * every node sees the new owners. On one node (a local cache) this node owns every plan.
 */
@ApplicationScoped
public class PlanOwnership {

    /** The name this node goes by on one node (a local cache has no cluster address). */
    static final String ALONE = "local";

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/signals")
    private Cache<Object, Object> signals;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ContextService contexts;

    @Inject
    private Event<ClusterMembersChanged> membersChanged;

    private final Topology topology = new Topology();

    /**
     * Looked up once the cache has started (null on one node): every change asks who owns its
     * plan, and going through WildFly's lazy cache each time cost a twentieth of a node's CPU.
     */
    private volatile DistributionManager distribution;
    private volatile boolean lookedUp;
    private volatile Consumer<ClusterMembersChanged> fire;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        fire = contexts.contextualConsumer(membersChanged::fire);
        signals.addListener(topology);
    }

    @PreDestroy
    void stop() {
        signals.removeListener(topology);
    }

    /** Whether this node owns the family's plan now. */
    public boolean ownsHere(UUID familyId) {
        DistributionManager distribution = distribution();
        return distribution == null || distribution.getCacheTopology().getDistribution(familyId.toString()).isPrimary();
    }

    /**
     * Whether this node is the primary owner of an entry written to the signals cache under the
     * key (always, on one node): asked of the key in the form the cache stores it, as Infinispan
     * routes writes by that form. (A plan's owner needs no such care: every node only has to
     * work it out alike.)
     */
    boolean ownsEntryHere(Object key) {
        DistributionManager distribution = distribution();
        if (distribution == null) {
            return true;
        }
        // The conversion asked for each time (once or twice a batch): one taken while the node was
        // starting left the key as it was on one node of two, so half its batches went round.
        Object stored = signals.getAdvancedCache().getKeyDataConversion().toStorage(key);
        return distribution.getCacheTopology().getDistribution(stored).isPrimary();
    }

    /** The node that owns the family's plan now (its name, as {@link #thisNode()} gives it there). */
    public String ownerOf(UUID familyId) {
        DistributionManager distribution = distribution();
        return distribution == null ? ALONE : String.valueOf(distribution.getCacheTopology().getDistribution(familyId.toString()).primary());
    }

    /** This node's name in the cluster (jboss.node.name), or "local" on one node. */
    public String thisNode() {
        Object address = signals.getCacheManager().getAddress();
        return address == null ? ALONE : address.toString();
    }

    /** The nodes in the cluster now (this one alone on one node). */
    public Set<String> members() {
        DistributionManager distribution = distribution();
        return distribution == null ? Set.of(ALONE)
                : distribution.getCacheTopology().getMembers().stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private DistributionManager distribution() {
        if (!lookedUp) {
            distribution = signals.getAdvancedCache().getDistributionManager();
            lookedUp = true;
        }
        return distribution;
    }

    /** Off Infinispan's threads: observers fail requests waiting on a node that left. */
    @Listener(sync = false)
    public class Topology {

        @TopologyChanged
        public void changed(TopologyChangedEvent<Object, Object> event) {
            if (event.isPre()) {
                return;
            }
            executor.execute(() -> fire.accept(new ClusterMembersChanged(members())));
        }
    }
}
