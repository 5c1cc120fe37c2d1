package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.infinispan.Cache;
import org.infinispan.distribution.DistributionInfo;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.annotation.TopologyChanged;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;
import org.infinispan.notifications.cachelistener.event.TopologyChangedEvent;
import org.infinispan.remoting.transport.Address;

/**
 * Which node of the cluster owns a family's plan (decision 14): the primary owner of the family's
 * key in the replicated "signals" cache. Every node works it out from the same cache topology, so
 * there is no election of our own; when a node joins or leaves, Infinispan moves the keys and
 * every node sees the new owners. On one node (a local cache) this node owns every plan.
 *
 * <p>Only a node whose application serves owns plans (decisions 16 and 17): every node passes
 * over, for the next of the key's owners in the topology's order, a node that is in the topology
 * but
 * <ul>
 * <li>has not yet said it serves: its entry in the replicated "serving" cache ({@link #serve},
 *     once its application has started). Its caches join the cluster while it is still deploying,
 *     and an owner that does not yet listen leaves a reconnecting client without an answer;</li>
 * <li>or said it is stopping ({@link #LEAVING}, sent by PlanHandover once it has stored everything
 *     it took), while its cache is still in the cluster: without that, its plans stayed its own
 *     after its application had stopped answering for them.</li>
 * </ul>
 * The serving set is state, not a signal, because a node that starts later must know that the
 * others serve. A node's entry, under its name, holds the run of its application and the id of
 * its address in the cluster, so that it speaks only for that member: a node started again under
 * the same name (at once, or as the replacement of one that hangs) is a new member, and owns
 * nothing until it writes its own. The entries of nodes that left the topology are removed by the
 * nodes that see them go, and a node that finds its own entry gone (the cluster split, and each
 * side removed the other's) writes it again.
 *
 * <p>Who may own plans is an allow-list, worked out again whenever the topology, the serving set
 * or the nodes leaving change: a member that has just joined is in no list yet, so it is passed
 * over from the first moment, before this node has even looked at the new topology.
 */
@ApplicationScoped
public class PlanOwnership {

    private static final Logger LOG = Logger.getLogger(PlanOwnership.class.getName());

    /** A node is stopping and owns no plan from now on: the signal's text is its name and run ({@link #announcement}). */
    public static final String LEAVING = "node-leaving";

    /** What a node logs as it starts serving (ClusterIT looks for it). */
    static final String SERVES_FROM_NOW_ON = "serves from now on: it may own plans";

    /** The name this node goes by on one node (a local cache has no cluster address). */
    static final String ALONE = "local";

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/signals")
    private Cache<Object, Object> signals;

    /** Which nodes' applications serve: under the node's name, its run and its address's id (replicated on the HA server). */
    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/serving")
    private Cache<String, String> serving;

    @Inject
    private ClusterThreads threads;

    @Resource
    private ContextService contexts;

    @Inject
    private Event<ClusterMembersChanged> membersChanged;

    private final Topology topology = new Topology();
    private final Serving servingChanged = new Serving();

    /** Nodes that said they are stopping and are still in the topology, by name, with the run of the node that said so. */
    private final Map<String, String> leaving = new ConcurrentHashMap<>();

    /**
     * The members of the topology that may own plans now, and those that said they are stopping
     * (as the topology names them: Infinispan's addresses). Worked out again whenever the
     * topology, the serving set or {@link #leaving} changes; every change asks who owns its plan.
     */
    private volatile Owners owners = new Owners(Set.of(), Set.of());

    /** This run of this node's application: a node restarted, or redeployed, under the same name is another run. */
    private final String run = UUID.randomUUID().toString();

    /** Whether this node has said it serves (and so writes its entry again should it go missing). */
    private volatile boolean served;

    /**
     * Looked up once the cache has started (null on one node): every change asks who owns its
     * plan, and going through WildFly's lazy cache each time cost a twentieth of a node's CPU.
     */
    private volatile DistributionManager distribution;
    private volatile boolean lookedUp;
    private volatile Consumer<ClusterMembersChanged> fire;

    /** The members that may own plans ({@code serving}) and those that said they are stopping. */
    record Owners(Set<Object> serving, Set<Object> stopping) {
    }

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        fire = contexts.contextualConsumer(membersChanged::fire);
        signals.addListener(topology);
        serving.addListener(servingChanged);
        reconsider();
    }

    @PreDestroy
    void stop() {
        signals.removeListener(topology);
        serving.removeListener(servingChanged);
    }

    /**
     * This node's application serves from now on (called once it has started): it may own plans.
     * The write reaches every node before it returns; each then moves the plans that are this
     * node's now (ClusterMembersChanged), this one too.
     */
    public void serve() {
        // Logged before the write, so that its line is in the log before any node can name this one an owner.
        LOG.info(() -> thisNode() + " " + SERVES_FROM_NOW_ON);
        served = true;
        try {
            serving.put(thisNode(), entry());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> thisNode() + " could not say it serves: it owns no plan (it sends every change on to"
                    + " the plan's owner) until it writes its entry again, at the next change of the cluster's members");
            return;
        }
        if (reconsider()) {
            fireMembersChanged();
        }
    }

    /** This node's entry in the serving set: this run, and the id of its address in the cluster. */
    private String entry() {
        return run + " " + idOf(distribution().getCacheTopology().getLocalAddress());
    }

    /** What tells this run of a member from another under the same name: its address's UUID. */
    static String idOf(Object member) {
        return member instanceof Address address ? address.getNodeUUID().toString() : String.valueOf(member);
    }

    /** Whether this node owns the family's plan now. */
    public boolean ownsHere(UUID familyId) {
        DistributionManager distribution = distribution();
        if (distribution == null) {
            return true;
        }
        DistributionInfo info = distribution.getCacheTopology().getDistribution(familyId.toString());
        Owners now = owners;
        if (now.serving().contains(info.primary())) {
            return info.isPrimary();
        }
        return ownerAmong(info.readOwners(), now).equals(distribution.getCacheTopology().getLocalAddress());
    }

    /** The node that owns the family's plan now (its name, as {@link #thisNode()} gives it there). */
    public String ownerOf(UUID familyId) {
        DistributionManager distribution = distribution();
        if (distribution == null) {
            return ALONE;
        }
        DistributionInfo info = distribution.getCacheTopology().getDistribution(familyId.toString());
        return String.valueOf(ownerAmong(info.readOwners(), owners));
    }

    /**
     * The first of a key's owners (the primary first, in the topology's order, the same on every
     * node) that may own plans; if none may, the first that is not stopping (a node still starting
     * will listen soon, a stopping one never again); else the primary (the last node standing).
     */
    static Object ownerAmong(List<?> keyOwners, Owners owners) {
        for (Object owner : keyOwners) {
            if (owners.serving().contains(owner)) {
                return owner;
            }
        }
        for (Object owner : keyOwners) {
            if (!owners.stopping().contains(owner)) {
                return owner;
            }
        }
        return keyOwners.get(0);
    }

    /**
     * Who may own plans, from the members, the serving set and the nodes that said they are
     * stopping: a member serves if the entry under its name is its own (its address's id; not an
     * earlier run's under the same name), and stops if that entry's run said it is leaving.
     */
    static Owners owners(List<?> members, Function<Object, String> idOf, Function<String, String> entryOf, Map<String, String> leaving) {
        var serves = new HashSet<Object>();
        var stops = new HashSet<Object>();
        for (Object member : members) {
            String name = String.valueOf(member);
            String entry = entryOf.apply(name);
            String itsRun = runOf(entry);
            if (itsRun == null || !idIn(entry).equals(idOf.apply(member))) {
                continue;
            }
            (itsRun.equals(leaving.get(name)) ? stops : serves).add(member);
        }
        return new Owners(Set.copyOf(serves), Set.copyOf(stops));
    }

    /** The run in a serving entry ("run id"; null if none). */
    private static String runOf(String entry) {
        int space = entry == null ? -1 : entry.lastIndexOf(' ');
        return space <= 0 ? null : entry.substring(0, space);
    }

    /** The address id in a serving entry that has a run ({@link #runOf}). */
    private static String idIn(String entry) {
        return entry.substring(entry.lastIndexOf(' ') + 1);
    }

    /** Works out {@link #owners} again; whether it changed. */
    synchronized boolean reconsider() {
        if (!clustered()) {
            return false;
        }
        List<?> members = memberList();
        Owners now = owners(members, this::idOfMember, this::entryOf, leaving);
        if (now.equals(owners)) {
            return false;
        }
        owners = now;
        var without = members.stream().filter(m -> !now.serving().contains(m)).map(m -> String.valueOf(m)).toList();
        LOG.info(() -> without.isEmpty() ? "Every node of " + members + " serves and may own plans"
                : "Plans are not owned by " + without + " of " + members + " (not serving yet, or stopping)");
        return true;
    }

    /** Whether there are other nodes (the caches are clustered). */
    boolean clustered() {
        return distribution() != null;
    }

    /** The members of the topology now, in its order, as it names them. */
    List<?> memberList() {
        return distribution().getCacheTopology().getMembers();
    }

    /** The entry under a node's name in this node's copy of the serving set. */
    String entryOf(String node) {
        return serving.get(node);
    }

    String idOfMember(Object member) {
        return idOf(member);
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

    /** Whether the node said it is stopping (its plans are the next owner's already). */
    public boolean isLeaving(String node) {
        return owners.stopping().stream().anyMatch(member -> String.valueOf(member).equals(node));
    }

    /** Who may own plans now. */
    Owners owners() {
        return owners;
    }

    /**
     * This node is stopping: it owns no plan from now on (unless it is the last node). Only this
     * node knows until PlanHandover tells the others ({@link #LEAVING}); meanwhile what it is sent
     * for a plan is answered "moved", and sent again.
     */
    public void leave() {
        leaving.put(thisNode(), run);
        reconsider();
    }

    /** What this node says with {@link #LEAVING}: its name and this run. */
    public String announcement() {
        return thisNode() + " " + run;
    }

    /**
     * Another node said it is stopping: who owns what may have changed. A node that is no longer a
     * member (its LEAVING came late, after the view without it) is not counted: the word would
     * stay, and the nodes would disagree about who owns its plans once it is back. Nor is a LEAVING
     * from another run than the one in the serving set under its name (old news).
     */
    void hear(@Observes ClusterSignal signal) {
        if (!LEAVING.equals(signal.topic())) {
            return;
        }
        int space = signal.text().lastIndexOf(' ');
        if (space <= 0) {
            return;
        }
        String node = signal.text().substring(0, space);
        String itsRun = signal.text().substring(space + 1);
        String serves = runOf(entryOf(node));
        if (!members().contains(node) || (serves != null && !serves.equals(itsRun)) || itsRun.equals(leaving.put(node, itsRun))) {
            return;
        }
        reconsider();
        LOG.info(() -> node + " is stopping: its plans are the other nodes' now");
        // On this thread, whether or not another thread worked the owners out first: the signals after it from the
        // same node are fired once the plans here have moved.
        membersChanged.fire(new ClusterMembersChanged(members()));
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

    private void fireMembersChanged() {
        onClusterThread(() -> fire.accept(new ClusterMembersChanged(members())));
    }

    /**
     * Off Infinispan's threads, onto one with the application's context: read from a notification
     * thread, the serving cache answered "no entry" for every node (WildFly stores the keys in the
     * form of the deployment that wrote them), and every node was passed over.
     */
    private void onClusterThread(Runnable work) {
        try {
            threads.signals().execute(work);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // This node's application is stopping: nothing here to tell.
        }
    }

    /**
     * The entries of nodes that left the topology go, if they still name the run seen here
     * (so idempotent, and a later run's entry stays). And this node's own entry is written again
     * at every change of topology, unless it is stopping: after a split (a node stalled past
     * failure detection) the other side removed it as gone, but this node's copy still holds it,
     * and Infinispan does not reconcile the copies when the sides merge (no merge policy), so
     * only a write from here puts it back on theirs (ClusterIT: a node that stalls past failure
     * detection merges back and every node agrees it owns plans again; before this, the other
     * nodes passed it over for good while it counted itself an owner).
     */
    private void tidyServingSet(Set<String> members) {
        for (String node : serving.keySet().toArray(String[]::new)) {
            String entry = serving.get(node);
            if (!members.contains(node) && entry != null) {
                serving.removeAsync(node, entry).whenComplete((removed, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, failure, () -> "Could not remove " + node + ", which left, from the serving set");
                    }
                });
            }
        }
        String mine = entry();
        if (served && !leaving.containsKey(thisNode())) {
            if (!mine.equals(serving.get(thisNode()))) {
                LOG.warning(() -> thisNode() + "'s entry in the serving set had gone (the cluster split?): written again");
            }
            try {
                serving.put(thisNode(), mine);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> thisNode() + " could not write its entry in the serving set again");
            }
        }
    }

    /** Observers fail requests waiting on a node that left. */
    @Listener(sync = false)
    public class Topology {

        @TopologyChanged
        public void changed(TopologyChangedEvent<Object, Object> event) {
            if (event.isPre()) {
                return;
            }
            onClusterThread(() -> {
                // A node that left is no longer leaving: a later run under its name owns plans again once it serves.
                Set<String> members = members();
                leaving.keySet().removeIf(node -> !members.contains(node));
                tidyServingSet(members);
                reconsider();
                fire.accept(new ClusterMembersChanged(members));
            });
        }
    }

    /** The serving set changed (a node started serving; an entry of a node that left was removed). */
    @Listener(sync = false)
    public class Serving {

        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<String, String> event) {
            changed(event);
        }

        @CacheEntryModified
        public void modified(CacheEntryModifiedEvent<String, String> event) {
            changed(event);
        }

        @CacheEntryRemoved
        public void removed(CacheEntryRemovedEvent<String, String> event) {
            changed(event);
        }

        private void changed(CacheEntryEvent<String, String> event) {
            if (event.isPre()) {
                return;
            }
            onClusterThread(() -> {
                if (reconsider()) {
                    fire.accept(new ClusterMembersChanged(members()));
                }
            });
        }
    }
}
