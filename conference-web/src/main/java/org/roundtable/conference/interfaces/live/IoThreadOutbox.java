package org.roundtable.conference.interfaces.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The messages waiting for the connections of one of the container's I/O threads, handed to
 * that thread in one go. Undertow writes a frame at once when asked on the connection's own I/O
 * thread; asked from any other thread (the plan writer announcing a batch to every room), it
 * hands each frame to the I/O thread separately and waits for the socket to become writable:
 * several system calls and a thread wake-up per frame, about a third of the server's CPU in a
 * profile. Here a burst of messages costs one hand-over per I/O thread, and what queued for one
 * connection goes out as one frame.
 */
final class IoThreadOutbox {

    private static final Map<Executor, IoThreadOutbox> BY_THREAD = new ConcurrentHashMap<>();

    /** A message for a connection, or (message null) the closing of it, in its place after what was queued before. */
    private record Delivery(LiveConnection connection, String message, CloseReason close) {
    }

    private final Executor ioThread;
    private final ConcurrentLinkedQueue<Delivery> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private IoThreadOutbox(Executor ioThread) {
        this.ioThread = ioThread;
    }

    /** The outbox of the I/O thread serving this socket, or null when the container does not say (then send directly). */
    static IoThreadOutbox of(Session session) {
        Executor thread = ioThreadOf(session);
        return thread == null ? null : BY_THREAD.computeIfAbsent(thread, IoThreadOutbox::new);
    }

    /**
     * Undertow's session has its channel, and the channel its I/O thread (an Executor). Read
     * reflectively, once per connection, so the application does not compile against Undertow.
     */
    private static Executor ioThreadOf(Session session) {
        try {
            Object channel = session.getClass().getMethod("getWebSocketChannel").invoke(session);
            Object thread = channel.getClass().getMethod("getIoThread").invoke(channel);
            return thread instanceof Executor executor ? executor : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Queues a message; the I/O thread is asked to run only if it is not already about to. */
    void add(LiveConnection connection, String message) {
        queue(new Delivery(connection, message, null));
    }

    /** Closes the connection once what was queued for it before has been handed to the socket. */
    void close(LiveConnection connection, CloseReason reason) {
        queue(new Delivery(connection, null, reason));
    }

    private void queue(Delivery delivery) {
        waiting.add(delivery);
        if (scheduled.compareAndSet(false, true)) {
            ioThread.execute(this::drain);
        }
    }

    /** On the I/O thread: everything queued goes to its connection's outbox, then each connection sends what it has. */
    private void drain() {
        // Cleared first: a message added from now on schedules another drain if this one misses it.
        scheduled.set(false);
        var touched = new ArrayList<LiveConnection>();
        for (Delivery d; (d = waiting.poll()) != null; ) {
            if (d.message() != null) {
                d.connection().enqueue(d.message());
                touched.add(d.connection());
            } else {
                d.connection().flush();
                d.connection().closeNow(d.close());
            }
        }
        for (LiveConnection c : touched) {
            c.flush();
        }
    }
}
