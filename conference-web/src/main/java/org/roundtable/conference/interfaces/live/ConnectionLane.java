package org.roundtable.conference.interfaces.live;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messages of one connection that have to wait (for the database, or for a plan being
 * stored), handled one after another on worker threads in the order they arrived. Messages
 * reach the server on the socket's I/O thread, which must never wait: it handles a message
 * itself only when nothing of the same connection is waiting here, so the order holds.
 */
final class ConnectionLane {

    private static final Logger LOG = Logger.getLogger(ConnectionLane.class.getName());

    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean running;

    /** Whether nothing of this connection is waiting or being handled on a worker. */
    synchronized boolean idle() {
        return !running && waiting.isEmpty();
    }

    /** Runs the work after everything added before it, on the executor's threads. */
    void add(Runnable work, Executor executor) {
        synchronized (this) {
            waiting.addLast(work);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RuntimeException e) {
            // The executor refuses while the application stops: nothing more is handled.
            synchronized (this) {
                waiting.clear();
                running = false;
            }
            LOG.log(Level.FINE, "a live message could not be handed to a worker", e);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "live message failed", e);
            }
        }
    }
}
