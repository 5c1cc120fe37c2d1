package org.roundtable.conference.infrastructure.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the cluster's own work: sending and firing signals, and the work other nodes send
 * a plan's owner. Not a managed executor: WildFly suspends a node that is told to stop (SIGTERM)
 * before its application stops, and a suspended node's managed executors refuse every task
 * (WFLYEE0126), so the node went deaf and mute to the others while it was still their plans'
 * owner: what they sent it was never answered (seen 2026-12-04; the others waited up to 10 s).
 * These threads come from the managed thread factory (the application's context, as the plan
 * writer's thread) and keep working until the application stops, so a stopping node still
 * answers, hands its plans over (PlanHandover) and tells the others so.
 */
@ApplicationScoped
public class ClusterThreads {

    /** Signals from every other node are fired here, each node's in order (SignalInbox), and batches written. */
    static final int SIGNAL_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /**
     * The work other nodes send this node for the plans it owns, one task per plan at a time
     * (PlanQueues): at most this many plans wait (for their lock, for the database) at once; the
     * others' work queues and is begun in order, or answered "not stored" past the owner's deadline.
     */
    static final int PLAN_THREADS = 4;

    @Resource
    private ManagedThreadFactory threads;

    private ThreadPoolExecutor signals;
    private ThreadPoolExecutor plans;

    @PostConstruct
    void start() {
        signals = pool("roundtable-signals", SIGNAL_THREADS);
        plans = pool("roundtable-plans", PLAN_THREADS);
    }

    private ThreadPoolExecutor pool(String name, int size) {
        var made = new AtomicInteger();
        var pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
            Thread thread = threads.newThread(work);
            thread.setName(name + "-" + made.incrementAndGet());
            return thread;
        });
        // Every thread made now, from the application's own start: a thread made later, on demand, would be made from
        // whichever thread handed the pool work (Infinispan's, say), whose context it might take.
        pool.prestartAllCoreThreads();
        return pool;
    }

    /** Where signals are written and fired. */
    public Executor signals() {
        return signals;
    }

    /** Where the work other nodes send for this node's plans is done. */
    public Executor plans() {
        return plans;
    }

    @PreDestroy
    void stop() {
        signals.shutdown();
        plans.shutdown();
    }
}
