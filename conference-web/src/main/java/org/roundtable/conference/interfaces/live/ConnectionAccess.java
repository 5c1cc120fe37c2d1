package org.roundtable.conference.interfaces.live;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.access.AccessDenied;
import org.roundtable.conference.application.LiveRoomService;
import org.roundtable.conference.application.access.NotSignedIn;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.SignInService;
import org.roundtable.conference.domain.model.DomainRuleViolation;

/**
 * Whether each live connection may still be there, checked against current data. Access is
 * checked against the database when anything may have changed it: an access change anywhere
 * moves the epoch on, and so does a new day (an involvement that ended yesterday grants nothing
 * today); a connection checked before that is checked again before its next message, and all of
 * them at once straight after the change, so removal takes effect within moments. In between,
 * messages need no query. Sessions that end by the clock send no event: a sweep catches those.
 */
final class ConnectionAccess {

    private static final Logger LOG = Logger.getLogger(ConnectionAccess.class.getName());

    private final SignInService signIn;
    private final LiveRoomService roomService;
    private final ManagedExecutorService executor;
    private final Clock clock;
    /** Every open connection, and those of one family's rooms (the room registry's). */
    private final Supplier<Iterable<LiveConnection>> everyConnection;
    private final Function<UUID, Iterable<LiveConnection>> connectionsOfFamily;
    /** The family changed what this connection's agency may see of the plan (true: only its own actions). */
    private final BiConsumer<LiveConnection, Boolean> viewChanged;
    private final AtomicLong epoch = new AtomicLong();
    private volatile LocalDate lastSweepDay;

    ConnectionAccess(SignInService signIn, LiveRoomService roomService, ManagedExecutorService executor, Clock clock,
            Supplier<Iterable<LiveConnection>> everyConnection, Function<UUID, Iterable<LiveConnection>> connectionsOfFamily,
            BiConsumer<LiveConnection, Boolean> viewChanged) {
        this.signIn = signIn;
        this.roomService = roomService;
        this.executor = executor;
        this.clock = clock;
        this.everyConnection = everyConnection;
        this.connectionsOfFamily = connectionsOfFamily;
        this.viewChanged = viewChanged;
        this.lastSweepDay = LocalDate.now(clock);
    }

    /** A socket opened: it may stay only if its session and invitation hold now. */
    void admit(LiveConnection c) {
        c.checkedEpoch = epoch.get();
        authorise(c);
    }

    /** Before each message (holding the connection's handling lock): checked again if access may have changed since. */
    boolean stillAllowed(LiveConnection c) {
        long seenEpoch = epoch.get();
        if (c.checkedEpoch == seenEpoch) {
            return true;
        }
        if (!authorise(c)) {
            return false;
        }
        c.checkedEpoch = seenEpoch;
        return true;
    }

    /**
     * Access may have changed (the change is committed): before the call that changed it returns,
     * every connection is marked to be checked again (the epoch moves on) and any message being
     * handled now is let finish, so that every message handled after the call returns is checked
     * against the change. A family's rooms are checked again before it returns (each is sent its
     * new view before any plan message that follows the call); then every connection is checked
     * again, off this thread, so that those who lost access are closed even if they send nothing.
     */
    void changed(UUID familyId) {
        epoch.incrementAndGet();
        // One deadline for all: many connections busy at once (hellos waiting for a plan's owner after a node died) wait 2 s in all, not each.
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (LiveConnection c : everyConnection.get()) {
            awaitMessageInHand(c, giveUpAt);
        }
        if (familyId != null) {
            awaitFamilyRechecked(familyId);
        }
        executor.submit(this::recheckAll);
    }

    /**
     * On another thread: this one has just finished its transaction and may not begin another.
     * Bounded, like awaitMessageInHand; the re-check of every room follows anyway.
     */
    private void awaitFamilyRechecked(UUID familyId) {
        try {
            executor.submit(() -> connectionsOfFamily.apply(familyId).forEach(this::recheck)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "re-checking a family's live connections took too long or failed", e);
        }
    }

    /**
     * Waits until the connection is between messages, until the deadline at most (a stuck handler must
     * not hold up the caller); one still busy then is closed, so that nothing it handles acts afterwards.
     */
    private static void awaitMessageInHand(LiveConnection c, long giveUpAt) {
        try {
            if (c.handling.tryLock(Math.max(0, giveUpAt - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                c.handling.unlock();
            } else {
                LOG.warning("a live message was still being handled 2 s after access changed; closing its connection");
                c.close(CloseCodes.TRY_AGAIN, "Access changed; reconnect.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recheckAll() {
        everyConnection.get().forEach(this::recheck);
    }

    private void recheck(LiveConnection c) {
        c.handling.lock();
        try {
            // Read before checking: a change of access during the check moves the epoch on again.
            long now = epoch.get();
            if (authorise(c)) {
                c.checkedEpoch = now;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking a live connection failed", e);
        } finally {
            c.handling.unlock();
        }
    }

    /**
     * Sessions also end by the clock (idle or too old) without any event. Checked once per
     * session, however many connections share it (one person, several tabs or rooms).
     */
    void sweep() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(lastSweepDay)) {
            // Involvements and assignments end by the date: a new day re-checks every connection.
            lastSweepDay = today;
            epoch.incrementAndGet();
            recheckAll();
        }
        Map<String, Boolean> alive = new HashMap<>();
        for (LiveConnection c : everyConnection.get()) {
            try {
                if (!alive.computeIfAbsent(String.valueOf(c.sessionToken), t -> signIn.resolve(c.sessionToken).isPresent())) {
                    c.close(CloseCodes.SIGNED_OUT, "Your session has ended. Please sign in again.");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "checking a live session failed", e);
            }
        }
    }

    /** Whether the connection may stay; if not it is closed with the reason. */
    private boolean authorise(LiveConnection c) {
        var session = signIn.resolve(c.sessionToken);
        if (session.isEmpty()) {
            c.close(CloseCodes.SIGNED_OUT, "Your session has ended. Please sign in again.");
            return false;
        }
        try {
            c.participant = roomService.join(session.get().caller(), c.conferenceId);
            c.caller = session.get().caller();
            boolean onlyOwnActions = roomService.seesOnlyOwnActions(c.caller, c.participant.familyId());
            if (onlyOwnActions != c.onlyOwnActions) {
                viewChanged.accept(c, onlyOwnActions);
            }
            return true;
        } catch (DomainRuleViolation e) {
            c.close(CloseCodes.CONFERENCE_CLOSED, "The conference has closed.");
        } catch (AccessDenied | ResourceNotFound | NotSignedIn e) {
            c.close(CloseCodes.NO_ACCESS, "You no longer have access to this conference.");
        }
        return false;
    }
}
