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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

/**
 * Watches who is in the cluster (the cache container's view, from JGroups): when a view comes
 * without nodes the last one had (a node stopped, crashed or was cut off), {@link NodesLeft} is
 * fired on this node, on a managed thread. Nodes are named by jboss.node.name, as the cluster's
 * addresses are. On one node (no transport) there is no view, and nothing is ever fired.
 */
@ApplicationScoped
public class ClusterMembers {

    private static final Logger LOG = Logger.getLogger(ClusterMembers.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/roundtable/presence")
    private Cache<String, String> presence;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ContextService contexts;

    @Inject
    private Event<NodesLeft> left;

    private final Views views = new Views();
    private volatile EmbeddedCacheManager manager;
    private volatile Consumer<NodesLeft> fire;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!presence.getCacheConfiguration().clustering().cacheMode().isClustered()) {
            return;
        }
        fire = contexts.contextualConsumer(left::fire);
        manager = presence.getCacheManager();
        manager.addListener(views);
    }

    @PreDestroy
    void stop() {
        if (manager != null) {
            manager.removeListener(views);
        }
    }

    /** The nodes in the old view that the new one lacks. */
    static Set<String> gone(List<String> before, List<String> now) {
        var gone = new HashSet<>(before);
        gone.removeAll(now);
        return gone;
    }

    private static List<String> names(List<Address> members) {
        return members == null ? List.of() : members.stream().map(Address::toString).toList();
    }

    /** Off JGroups' threads at once: the observers read and write the caches and send to sockets. */
    @Listener(sync = false)
    public class Views {

        @ViewChanged
        public void changed(ViewChangedEvent view) {
            Set<String> gone = gone(names(view.getOldMembers()), names(view.getNewMembers()));
            LOG.info(() -> "Cluster view " + view.getNewMembers() + (gone.isEmpty() ? "" : "; left: " + gone));
            if (!gone.isEmpty()) {
                executor.execute(() -> fire.accept(new NodesLeft(gone)));
            }
        }
    }
}
