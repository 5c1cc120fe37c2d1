package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.infinispan.Cache;
import org.infinispan.distribution.DistributionInfo;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.TopologyChanged;
import org.infinispan.notifications.cachelistener.event.TopologyChangedEvent;

/**
 * Which node of the cluster owns a family's plan (decision 14): the primary owner of the family's
 * key in the replicated "signals" cache. Every node works it out from the same cache topology, so
 * there is no election of our own; when a node joins or leaves, Infinispan moves the keys and
 * every node sees the new owners. On one node (a local cache) this node owns every plan.
 *
 * <p>A node that is being stopped says so first ({@link #LEAVING}, sent by PlanHandover once it
 * has stored everything it took): from then on every node passes it over, and the next of the
 * key's owners in the topology's order owns its plans, while its cache is still in the cluster.
 * Without that, its plans stayed its own until its cache left, after its application had
 * stopped answering for them.
 */
@ApplicationScoped
public class PlanOwnership {

    private static final Logger LOG = Logger.getLogger(PlanOwnership.class.getName());

    /** A node is stopping and owns no plan from now on: the signal's text is its name and run ({@link #announcement}). */
    public static final String LEAVING = "node-leaving";

    /** A node's application started (again): it may own plans, even if an earlier run of it said it was leaving. */
    public static final String SERVING = "node-serving";

    /** The name this node goes by on one node (a local cache has no cluster address). */
    static final String ALONE = "local";

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/signals")
    private Cache<Object, Object> signals;

    @Inject
    private ClusterThreads threads;

    @Resource
    private ContextService contexts;

    @Inject
    private Event<ClusterMembersChanged> membersChanged;

    private final Topology topology = new Topology();

    /**
     * Nodes that said they are stopping and are still in the topology, by name, with the run of
     * the node that said so; read on every change, so mostly empty.
     */
    private final Map<String, String> leaving = new ConcurrentHashMap<>();

    /** The last run each node said it serves with (SERVING), by name: a LEAVING from an earlier run is old news. */
    private final Map<String, String> serving = new ConcurrentHashMap<>();

    /** This run of this node's application: a node restarted, or redeployed, under the same name is another run. */
    private final String run = UUID.randomUUID().toString();

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
        if (distribution == null) {
            return true;
        }
        DistributionInfo owners = distribution.getCacheTopology().getDistribution(familyId.toString());
        return leaving.isEmpty() ? owners.isPrimary() : thisNode().equals(ownerAmong(owners.readOwners(), leaving.keySet()));
    }

    /**
     * The first of a key's owners (the primary first, in the topology's order, the same on every
     * node) that is not leaving; the primary if every one is (a node that stops last keeps its plans).
     */
    static String ownerAmong(List<?> owners, Set<String> leaving) {
        for (Object owner : owners) {
            String name = String.valueOf(owner);
            if (!leaving.contains(name)) {
                return name;
            }
        }
        return String.valueOf(owners.get(0));
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
        if (distribution == null) {
            return ALONE;
        }
        DistributionInfo owners = distribution.getCacheTopology().getDistribution(familyId.toString());
        return leaving.isEmpty() ? String.valueOf(owners.primary()) : ownerAmong(owners.readOwners(), leaving.keySet());
    }

    /** Whether the node said it is stopping (its plans are the next owner's already). */
    public boolean isLeaving(String node) {
        return leaving.containsKey(node);
    }

    /**
     * This node is stopping: it owns no plan from now on (unless it is the last node). Only this
     * node knows until PlanHandover tells the others ({@link #LEAVING}); meanwhile what it is sent
     * for a plan is answered "moved", and sent again.
     */
    public void leave() {
        leaving.put(thisNode(), run);
    }

    /** What this node says with {@link #LEAVING} or {@link #SERVING}: its name and this run. */
    public String announcement() {
        return thisNode() + " " + run;
    }

    /**
     * Another node said it is stopping, or started: who owns what may have changed. A node that
     * is no longer a member (its LEAVING came late, after the view without it) is not counted,
     * nor a LEAVING from an earlier run of a node than the last that said it serves: either would
     * stay, and the nodes would disagree about who owns its plans once it is back.
     */
    void hear(@Observes ClusterSignal signal) {
        if (!LEAVING.equals(signal.topic()) && !SERVING.equals(signal.topic())) {
            return;
        }
        int space = signal.text().lastIndexOf(' ');
        if (space <= 0) {
            return;
        }
        String node = signal.text().substring(0, space);
        String itsRun = signal.text().substring(space + 1);
        boolean changed;
        if (LEAVING.equals(signal.topic())) {
            String serves = serving.get(node);
            changed = members().contains(node) && (serves == null || serves.equals(itsRun)) && !itsRun.equals(leaving.put(node, itsRun));
        } else {
            serving.put(node, itsRun);
            changed = leaving.remove(node) != null;
        }
        if (changed) {
            LOG.info(() -> node + (LEAVING.equals(signal.topic()) ? " is stopping: its plans are the other nodes' now" : " is serving again"));
            // On this thread: the signals after it from the same node are fired once the plans here have moved.
            membersChanged.fire(new ClusterMembersChanged(members()));
        }
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
            // A node that left is no longer leaving: a later run under its name owns plans again.
            Set<String> members = members();
            leaving.keySet().removeIf(node -> !members.contains(node));
            serving.keySet().removeIf(node -> !members.contains(node));
            try {
                threads.signals().execute(() -> fire.accept(new ClusterMembersChanged(members())));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // This node's application is stopping: nothing here to tell.
            }
        }
    }
}
