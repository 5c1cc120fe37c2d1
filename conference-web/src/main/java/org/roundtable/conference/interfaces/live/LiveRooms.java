package org.roundtable.conference.interfaces.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import static org.roundtable.conference.interfaces.live.PartOfThePlan.commentsFor;
import static org.roundtable.conference.interfaces.live.PartOfThePlan.ownerOf;
import static org.roundtable.conference.interfaces.live.PartOfThePlan.presenceFor;
import static org.roundtable.conference.interfaces.live.PartOfThePlan.sees;
import static org.roundtable.conference.interfaces.live.PartOfThePlan.sendPartOf;
import static org.roundtable.conference.interfaces.live.PartOfThePlan.shownTo;

import org.roundtable.conference.application.AccessLogService;
import org.roundtable.conference.application.InvalidInput;
import org.roundtable.conference.application.LivePlanService;
import org.roundtable.conference.application.LiveRoomService;
import org.roundtable.conference.application.LiveRoomService.PrivatePartView;
import org.roundtable.conference.application.PlanChangeApplied;
import org.roundtable.conference.application.PlanMovedOn;
import org.roundtable.conference.application.PlanNotStored;
import org.roundtable.conference.application.PlanWriteFailed;
import org.roundtable.conference.application.SignInService;
import org.roundtable.conference.application.SignOffChanged;
import org.roundtable.conference.application.SignOffService;
import org.roundtable.conference.application.access.AccessChanged;
import org.roundtable.conference.application.access.AccessDenied;
import org.roundtable.conference.application.access.NotSignedIn;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.access.RoomAccess;
import org.roundtable.conference.application.view.CommentView;
import org.roundtable.conference.application.view.SignOffView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.application.room.RoomChange;
import org.roundtable.conference.application.room.RoomRules;
import org.roundtable.conference.domain.model.room.Presence;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.conference.infrastructure.cache.ClusterSignal;
import org.roundtable.conference.infrastructure.cache.ClusterSignals;
import org.roundtable.conference.infrastructure.cache.NodesLeft;
import org.roundtable.conference.infrastructure.cache.RoomStateStore;
import org.roundtable.shared.plan.OwnActionsView;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanRejection;
import org.roundtable.shared.protocol.ClientMessage;
import org.roundtable.shared.protocol.LiveProtocol;
import org.roundtable.shared.protocol.ProtocolViolation;

/**
 * The live rooms on this server: who is connected to which conference (the registry), turning
 * each message into a call (the room rules in RoomRules, the plan in LivePlanService) and each
 * answer into messages, and sending everyone what they may see. Whether a connection may still be
 * there is ConnectionAccess's: every message is checked against current data before it acts.
 */
@ApplicationScoped
public class LiveRooms {

    private static final Logger LOG = Logger.getLogger(LiveRooms.class.getName());
    /** Sessions expire by the clock; a sweep catches those, which send no event. */
    private static final long SWEEP_SECONDS = 30;

    /** The private part last read for a room, under the id the room's state gave for it (null: none running). */
    private record CachedPrivatePart(String id, Optional<PrivatePartView> view) {
    }

    /** The connections of one conference on this server. */
    private static final class Room {
        final UUID conferenceId;
        final UUID familyId;
        final Set<LiveConnection> connections = new CopyOnWriteArraySet<>();
        volatile CachedPrivatePart privatePart;
        /** The room's connections on other nodes in the call, as their nodes told this one (SignallingRelay). */
        final Map<String, SignallingRelay.CallElsewhere> callsElsewhere = new ConcurrentHashMap<>();

        Room(UUID conferenceId, UUID familyId) {
            this.conferenceId = conferenceId;
            this.familyId = familyId;
        }
    }

    private final ConcurrentMap<UUID, Room> rooms = new ConcurrentHashMap<>();
    /** The rooms of each family, so a plan change reaches its rooms without looking at the others. */
    private final ConcurrentMap<UUID, Set<Room>> roomsByFamily = new ConcurrentHashMap<>();
    private ConnectionAccess access;
    private ScheduledFuture<?> sweep;

    @Inject
    private SignInService signIn;

    @Inject
    private LiveRoomService roomService;

    @Inject
    private LivePlanService plans;

    @Inject
    private RoomRules rules;

    @Inject
    private SignOffService signOff;

    @Inject
    private AccessLogService accessLog;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Clock clock;

    @Inject
    private SignallingRelay signalling;

    /** The other nodes of a cluster, told what happens in rooms here (see RoomSignal); on one node, nobody. */
    @Inject
    private ClusterSignals otherNodes;

    @Inject
    private RoomStateStore roomStates;

    @PostConstruct
    void startSweep() {
        access = new ConnectionAccess(signIn, roomService, executor, clock, this::everyConnection, this::connectionsOfFamily,
                this::viewChanged);
        sweep = scheduler.scheduleWithFixedDelay(access::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSweep() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** A socket opened: it may stay only if its session and invitation hold now. */
    void open(LiveConnection c) {
        access.admit(c);
    }

    /** Every connection on this server (for the access checks). */
    private Iterable<LiveConnection> everyConnection() {
        return () -> rooms.values().stream().flatMap(room -> room.connections.stream()).iterator();
    }

    /** The connections in the rooms of one family. */
    private Iterable<LiveConnection> connectionsOfFamily(UUID familyId) {
        return () -> roomsByFamily.getOrDefault(familyId, Set.of()).stream().flatMap(room -> room.connections.stream()).iterator();
    }

    void closed(LiveConnection c) {
        // Before looking for it in its room: a hello adding it meanwhile looks at this after adding it (see hello).
        c.gone = true;
        Room room = rooms.get(c.conferenceId);
        if (room != null && room.connections.remove(c)) {
            rules.left(c.conferenceId, c.id);
            broadcastPresence(c.conferenceId, c.id, null);
            if (c.joined && c.participant != null && rules.waitForAChair(c.participant)) {
                endPrivatePartUnlessAChairComesBack(c);
            }
            forgetIfEmpty(room);
        }
    }

    /**
     * Nodes left the cluster: nobody will close the connections they held, so the people on
     * them are taken out of the rooms here, and every room is told they left (this node's
     * connections, and the other survivors'). Every survivor does this at once; each connection
     * is taken out by exactly one of them (RoomStateStore#removeConnectionsOf).
     */
    void onNodesLeft(@Observes NodesLeft left) {
        List<RoomStateStore.Departed> departed;
        try {
            departed = roomStates.removeConnectionsOf(left.nodes());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take the people of " + left.nodes() + " out of the rooms", e);
            return;
        }
        if (!departed.isEmpty()) {
            LOG.info(() -> departed.size() + " connections of " + left.nodes() + " (a node that left the cluster) left their rooms");
        }
        for (RoomStateStore.Departed gone : departed) {
            try {
                broadcastPresence(gone.conferenceId(), gone.connectionId(), null);
                if (rules.waitForAChair(gone.conferenceId(), gone.presence())) {
                    endPrivatePartUnlessAChairComesBack(gone.conferenceId());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not tell room " + gone.conferenceId() + " that " + gone.connectionId() + " left", e);
            }
        }
    }

    /**
     * The last chair was on a node that left the cluster during a private part: as when a
     * chair's browser closes, it ends after the grace period (counted from when the cluster saw
     * the node go) unless a chair comes back; the server ends it, no chair being left to.
     */
    private void endPrivatePartUnlessAChairComesBack(UUID conferenceId) {
        scheduler.schedule(() -> {
            try {
                rules.endUnlessAChairCameBack(conferenceId).ifPresent(this::tell);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not end the private part of " + conferenceId + " after its chair's node left", e);
            }
        }, RoomRules.privatePartGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last chair left during a private part: it ends after the grace period unless a chair comes back (RoomRules). */
    private void endPrivatePartUnlessAChairComesBack(LiveConnection chair) {
        scheduler.schedule(() -> {
            try {
                rules.endUnlessAChairCameBack(chair.caller, chair.conferenceId).ifPresent(this::tell);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not end the private part of " + chair.conferenceId + " after its chair left", e);
            }
        }, RoomRules.privatePartGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A room nobody is in any more is let go (with its entry in the family's rooms). */
    private void forgetIfEmpty(Room room) {
        rooms.computeIfPresent(room.conferenceId, (id, r) -> {
            if (r != room || !r.connections.isEmpty()) {
                return r;
            }
            roomsByFamily.computeIfPresent(r.familyId, (f, set) -> {
                set.remove(r);
                return set.isEmpty() ? null : set;
            });
            return null;
        });
    }

    void receive(LiveConnection c, String frame) {
        c.handling.lock();
        try {
            handle(c, frame);
        } finally {
            c.handling.unlock();
        }
    }

    private void handle(LiveConnection c, String frame) {
        switch (c.rate.take()) {
            case FLOOD -> {
                c.close(CloseCodes.FLOOD, "Too many messages: the connection was closed.");
                return;
            }
            case REFUSE -> {
                c.send(ServerMessages.error("rate-limited", "Too many messages at once. Slow down; nothing was applied.", null));
                return;
            }
            case OK -> {
                // carry on
            }
        }
        if (!access.stillAllowed(c)) {
            return;
        }
        ClientMessage message;
        try {
            message = LiveProtocol.parse(frame);
        } catch (ProtocolViolation e) {
            c.send(ServerMessages.error(e.code(), e.getMessage(), null));
            return;
        }
        if (!c.joined && !(message instanceof ClientMessage.Hello) && !(message instanceof ClientMessage.Ping)) {
            c.send(ServerMessages.error("hello-first", "Send hello first.", null));
            return;
        }
        String ref = message instanceof ClientMessage.Submit s ? s.changeId() : null;
        try {
            dispatch(c, message);
        } catch (RuntimeException e) {
            refuse(c, e, ref);
        }
    }

    /** Tells the connection why what it sent was refused (nothing of it was applied). */
    private static void refuse(LiveConnection c, RuntimeException e, String ref) {
        if (e instanceof PlanRejection rejection) {
            c.send(ServerMessages.error(code(rejection.reason()), e.getMessage(), ref));
        } else if (e instanceof AccessDenied) {
            c.send(ServerMessages.error("forbidden", e.getMessage(), ref));
        } else if (e instanceof ResourceNotFound) {
            c.send(ServerMessages.error("unknown-id", e.getMessage(), ref));
        } else if (e instanceof InvalidInput) {
            c.send(ServerMessages.error("invalid", e.getMessage(), ref));
        } else if (e instanceof DomainRuleViolation) {
            c.send(ServerMessages.error("conflict", e.getMessage(), ref));
        } else if (e instanceof ProtocolViolation violation) {
            c.send(ServerMessages.error(violation.code(), e.getMessage(), ref));
        } else if (e instanceof NotSignedIn) {
            c.close(CloseCodes.SIGNED_OUT, "Your session has ended. Please sign in again.");
        } else if (e instanceof PlanNotStored) {
            // Nothing was applied, and the change is not refused: the client reconnects and sends it again.
            closeNotStored(c, e);
        } else {
            LOG.log(Level.SEVERE, "live message failed", e);
            c.send(ServerMessages.error("server-error", "Something went wrong on our side. Nothing was applied; please try again.", ref));
        }
    }

    private void dispatch(LiveConnection c, ClientMessage message) {
        if (message instanceof ClientMessage.Hello hello) {
            hello(c, hello);
        } else if (message instanceof ClientMessage.Submit submit) {
            submit(c, submit);
        } else if (message instanceof ClientMessage.Presence presence) {
            Presence now = rules.typing(c.participant, c.id, presence.nodeId(), presence.field() == null ? null : presence.field().name());
            broadcastPresence(c.conferenceId, c.id, now);
        } else if (message instanceof ClientMessage.RaiseHand) {
            tell(rules.raiseHand(c.participant));
        } else if (message instanceof ClientMessage.LowerHand) {
            tell(rules.lowerHand(c.participant));
        } else if (message instanceof ClientMessage.ClearHand clear) {
            tell(rules.clearHand(c.participant, clear.participantId()));
        } else if (message instanceof ClientMessage.MoveAgenda move) {
            tell(rules.moveAgenda(c.participant, move.itemId()));
        } else if (message instanceof ClientMessage.Comment comment) {
            comment(c, comment);
        } else if (message instanceof ClientMessage.StartPrivate start) {
            tell(rules.startPrivatePart(c.caller, c.participant, start.excludedInviteeIds(), start.reason(), start.familyText()));
        } else if (message instanceof ClientMessage.EndPrivate) {
            tell(rules.endPrivatePart(c.caller, c.participant));
        } else if (message instanceof ClientMessage.Ping) {
            c.send(ServerMessages.pong());
        } else if (message instanceof ClientMessage.Signal || message instanceof ClientMessage.Media) {
            signalling.handle(c, message, roomNow(c.conferenceId));
        }
    }

    private void hello(LiveConnection c, ClientMessage.Hello hello) {
        if (hello.version() != LiveProtocol.VERSION) {
            c.send(ServerMessages.error("unsupported-version", "This server speaks version " + LiveProtocol.VERSION + " of the live protocol.", null));
            c.close(CloseCodes.UNSUPPORTED_VERSION, "Unsupported protocol version");
            return;
        }
        if (c.joined) {
            c.send(ServerMessages.error("already-joined", "You have already said hello on this connection.", null));
            return;
        }
        var participant = c.participant;
        if (!hello.pending().isEmpty() && !RoomRules.keptOut(participant, runningPrivatePart(c.conferenceId, rules.room(c.conferenceId)))) {
            // Before the welcome says which of them were applied: one it does not name can then never be applied later (rule 4).
            // It may wait for the plan's owner on another node, so what the welcome is made of is read after it, access included.
            plans.settleInFlight(c.caller, participant.familyId(), hello.pending(), c.id);
            if (!access.stillAllowed(c)) {
                return;
            }
        }
        accessLog.recordRead(c.caller, participant.familyId(), "your plan (in the live conference)", null);
        Optional<PrivatePartView> privatePart = runningPrivatePart(c.conferenceId, rules.room(c.conferenceId));
        boolean excluded = RoomRules.keptOut(participant, privatePart);
        List<CommentView> comments = excluded ? List.of() : roomService.commentsFor(participant);
        Presence here = plans.withPlanSeenAt(participant.familyId(), hello.revision() == null ? -1 : hello.revision(),
                !hello.pending().isEmpty(), plan -> {
            rooms.compute(c.conferenceId, (id, existing) -> {
                var room = existing != null ? existing : new Room(id, participant.familyId());
                roomsByFamily.computeIfAbsent(participant.familyId(), f -> new CopyOnWriteArraySet<>()).add(room);
                room.connections.add(c);
                return room;
            });
            c.paused = excluded;
            c.roomChanges = hello.roomChanges();
            PlanDocument document = null;
            List<PlanChange> missed = null;
            if (!excluded) {
                // Someone shown only their agency's actions is always sent that part whole (see sendPartOf).
                missed = c.onlyOwnActions ? null : catchUp(plan, hello.revision());
                document = missed == null ? shownTo(c, plan.document()) : null;
                c.revision = plan.revision();
            } else {
                c.revision = hello.revision() == null ? -1 : hello.revision();
            }
            c.joined = true;
            Presence arrived = rules.arrived(participant, c.id);
            var applied = new LinkedHashMap<String, Long>();
            for (String changeId : excluded ? List.<String>of() : hello.pending()) {
                Long at = plan.appliedRevision(changeId);
                if (at != null) {
                    applied.put(changeId, at);
                }
            }
            c.send(ServerMessages.welcome(c.id, participant, plan.revision(), document, missed, excluded || hello.pending().isEmpty() ? null : applied,
                    roomFor(c, privatePart), commentsFor(c, comments), c.onlyOwnActions));
            signalling.welcomed(c);
            return arrived;
        });
        broadcastPresence(c.conferenceId, c.id, here);
        if (c.gone) {
            // Closed while its hello was handled (the close is told on another thread): taken out again, as closed would have.
            closed(c);
        }
    }

    /**
     * Brings a connection to the plan's revision with a {@code sync}: the changes it missed, or
     * (missed null) the plan whole, as it may see it. A whole plan skips the {@code applied} of a
     * change in flight that it holds, so it names that change (1.4). Under the plan's lock.
     */
    private static void sendSync(LiveConnection c, LivePlanService.LivePlan plan, List<PlanChange> missed, List<CommentView> comments) {
        PlanDocument whole = missed == null ? shownTo(c, plan.document()) : null;
        Map<String, Long> held = missed == null ? c.inFlightHeldBy(plan.revision(), plan::appliedRevision) : null;
        c.send(ServerMessages.sync(plan.revision(), whole, missed, c.onlyOwnActions, comments, held));
        c.revision = plan.revision();
    }

    /** The changes after what the client has, or null when it needs the whole plan instead. */
    private static List<PlanChange> catchUp(LivePlanService.LivePlan plan, Long clientRevision) {
        if (clientRevision == null || clientRevision > plan.revision() || clientRevision < 0) {
            return null;
        }
        try {
            return plan.since(clientRevision);
        } catch (PlanRejection tooOld) {
            return null;
        }
    }

    private void submit(LiveConnection c, ClientMessage.Submit submit) {
        RoomAccess.requireMayChangeThePlan(c.paused);
        c.lastChangeId = submit.changeId();
        var answer = plans.submitLive(c.caller, c.participant.familyId(), c.conferenceId,
                new PlanChange(submit.changeId(), c.id, submit.baseRevision(), submit.operations()));
        answer.whenComplete((outcome, failure) -> {
            if (failure == null) {
                if (outcome instanceof PlanAuthority.Duplicate duplicate) {
                    // A resend of a change that may still have been on its way to disk: acknowledged now it is there.
                    c.send(ServerMessages.ack(submit.changeId(), duplicate.revision()));
                }
                // An applied change reaches everyone, the sender included, through onPlanChange.
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RuntimeException refused && !(cause instanceof PlanNotStored) && isRefusal(refused)) {
                // Decided on the plan's owner node (a change made here, sent there).
                refuse(c, refused, submit.changeId());
            } else {
                // Not stored: the plan's rooms are told to reconnect (PlanWriteFailed), or the owner did not answer.
                closeNotStored(c, cause);
            }
        });
    }

    /** 1013: reconnect. Said apart when the client has already moved to a newer connection, which answers for the change. */
    private static void closeNotStored(LiveConnection c, Throwable cause) {
        c.close(CloseCodes.TRY_AGAIN, LivePlanService.SETTLED_ELSEWHERE.equals(cause.getMessage()) ? "Sent again on a newer connection."
                : "The plan could not be saved just now. Reconnecting.");
    }

    /** A refusal decided about what was sent (not a failure to store it). */
    private static boolean isRefusal(RuntimeException e) {
        return e instanceof PlanRejection || e instanceof AccessDenied || e instanceof ResourceNotFound || e instanceof InvalidInput
                || e instanceof DomainRuleViolation || e instanceof ProtocolViolation || e instanceof NotSignedIn;
    }

    /**
     * The plan moved on without this node's copy following it change by change (it runs on
     * another node, and a change went missing or the copy was let go): everyone here who is
     * behind is sent what they missed, as at the end of a private part.
     */
    void onPlanMovedOn(@Observes PlanMovedOn moved) {
        Set<Room> familyRooms = roomsByFamily.get(moved.familyId());
        if (familyRooms == null || familyRooms.isEmpty()) {
            return;
        }
        plans.withPlan(moved.familyId(), plan -> {
            for (Room room : familyRooms) {
                for (LiveConnection each : room.connections) {
                    if (each.joined && !each.paused && each.revision < plan.revision()) {
                        sendSync(each, plan, each.onlyOwnActions ? null : catchUp(plan, each.revision), null);
                    }
                }
            }
            return null;
        });
    }

    /** Every stored plan change goes to the rooms of its family, in revision order (we are inside the plan's lock). */
    void onPlanChange(@Observes PlanChangeApplied applied) {
        Set<Room> familyRooms = roomsByFamily.get(applied.familyId());
        if (familyRooms == null) {
            return;
        }
        String message = null;
        Map<String, PlanDocument> parts = new HashMap<>();
        for (Room room : familyRooms) {
            for (LiveConnection c : room.connections) {
                if (!c.joined || c.paused) {
                    continue;
                }
                if (c.onlyOwnActions) {
                    sendPartOf(c, applied, parts.computeIfAbsent(ownerOf(c), owner -> OwnActionsView.of(applied.plan(), owner)));
                } else {
                    message = message != null ? message : ServerMessages.applied(applied.change(), applied.authorName(), applied.operationsJson());
                    c.send(message);
                }
                c.revision = applied.change().revision();
            }
        }
    }

    /**
     * The family changed what it shares with this person's agency while they are in the room:
     * they stay, and are sent the plan, the comments and the room as they may see them now, so
     * they keep nothing they may no longer see (and get back what they may).
     */
    private void viewChanged(LiveConnection c, boolean onlyOwnActions) {
        if (!c.joined) {
            c.onlyOwnActions = onlyOwnActions;
            return;
        }
        List<CommentView> comments = roomService.commentsFor(c.participant);
        boolean sent = plans.withPlan(c.participant.familyId(), plan -> {
            // Under the plan: every change before this one reached the connection in its old view, every later one in the new.
            c.onlyOwnActions = onlyOwnActions;
            if (c.paused) {
                // Sent nothing now; the end of the private part sends the new view whole (see endPrivate).
                c.shown = null;
                c.viewChangedWhilePaused = true;
                return false;
            }
            sendSync(c, plan, null, commentsFor(c, comments));
            return true;
        });
        if (sent) {
            c.send(roomFor(c, runningPrivatePart(c.conferenceId, rules.room(c.conferenceId))));
        }
    }

    /** Changes could not be stored: the plan was thrown away, so its rooms reconnect and resend what was not acknowledged. */
    void onPlanWriteFailed(@Observes PlanWriteFailed failed) {
        Set<Room> familyRooms = roomsByFamily.getOrDefault(failed.familyId(), Set.of());
        for (Room room : familyRooms) {
            for (LiveConnection c : room.connections) {
                c.close(CloseCodes.TRY_AGAIN, "The plan could not be saved just now. Reconnecting.");
            }
        }
    }

    /**
     * A signature was given or voided: every room of the family shows its conference's sign-off.
     * Someone shown only their agency's actions is sent it only when one of those changed: a
     * frame when others sign would tell them when the rest of the plan is signed.
     */
    void onSignOffChanged(@Observes SignOffChanged changed) {
        signOffChanged(changed.familyId(), changed.actionIds());
        toOtherNodes(RoomSignal.signOff(changed.familyId(), changed.actionIds()));
    }

    /** The sign-off changed, told to this node's rooms of the family. */
    private void signOffChanged(UUID familyId, Set<String> actionIds) {
        for (Room room : roomsByFamily.getOrDefault(familyId, Set.of())) {
            SignOffView view = signOff.view(room.conferenceId);
            String message = ServerMessages.signOff(view);
            for (LiveConnection c : room.connections) {
                if (c.joined && !c.paused && (!c.onlyOwnActions || actionIds.stream().anyMatch(id -> sees(c, id)))) {
                    c.send(c.onlyOwnActions ? ServerMessages.signOff(new SignOffView(view.conferenceId(), view.conferenceStatus(),
                            view.planRevision(), view.actions().stream().filter(a -> sees(c, a.actionId().toString())).toList())) : message);
                }
            }
        }
    }

    private void comment(LiveConnection c, ClientMessage.Comment comment) {
        RoomAccess.requireMayComment(c.paused);
        UUID nodeId = uuid(comment.nodeId());
        if (!sees(c, nodeId.toString())) {
            // The same answer as for an id that does not exist: nothing about what it may not see.
            throw new ResourceNotFound("goal or action");
        }
        boolean exists = plans.withPlan(c.participant.familyId(), plan -> plan.has(nodeId.toString()));
        if (!exists) {
            throw new ResourceNotFound("goal or action");
        }
        UUID privatePartId = roomService.running(c.conferenceId).map(p -> p.id()).orElse(null);
        CommentView view = roomService.comment(c.caller, c.participant, nodeId, comment.text(), privatePartId);
        String message = ServerMessages.commentMessage(view);
        commented(c.conferenceId, nodeId.toString(), message);
        toOtherNodes(RoomSignal.comment(c.conferenceId, nodeId.toString(), message));
    }

    /** A comment, sent to this node's connections in the room that may read it (on the goal or action nodeId). */
    private void commented(UUID conferenceId, String nodeId, String message) {
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        for (LiveConnection each : room.connections) {
            if (each.joined && !each.paused && sees(each, nodeId)) {
                each.send(message);
            }
        }
    }

    /**
     * What a room rule did, told to the room: each viewer on this node is sent it as they may see
     * it, and the other nodes of a cluster are told, to do the same for theirs (see RoomSignal).
     */
    private void tell(RoomChange change) {
        UUID conferenceId = change.conferenceId();
        RoomChange.Told told = change.told();
        RoomSignal signal;
        if (told instanceof RoomChange.HandChanged hand) {
            signal = RoomSignal.hand(conferenceId, hand.participantId());
        } else if (told instanceof RoomChange.AgendaMoved) {
            signal = RoomSignal.agenda(conferenceId);
        } else if (told instanceof RoomChange.PrivatePartBegan began) {
            signal = RoomSignal.privatePartBegan(conferenceId, began.privatePartId(), began.keptOut());
        } else {
            signal = RoomSignal.privatePartEnded(conferenceId);
        }
        tellHere(signal);
        toOtherNodes(signal);
    }

    /** Something that happened in a room (here, or on another node), sent to this node's connections in it. */
    private void tellHere(RoomSignal signal) {
        UUID conferenceId = signal.conferenceId();
        switch (signal.kind()) {
            case HAND -> broadcastRoomChange(conferenceId, handOf(signal.subject()));
            case AGENDA -> broadcastRoomChange(conferenceId, (s, part, excluded) -> ServerMessages.agenda(s.agendaItemId()));
            case PRIVATE_PART_BEGAN -> privatePartBegan(conferenceId, signal.keptOut());
            case PRIVATE_PART_ENDED -> privatePartEnded(conferenceId);
            case PRESENCE -> presenceHere(conferenceId, signal.subject(), rules.presence(conferenceId).get(signal.subject()));
            case COMMENT -> commented(conferenceId, signal.subject(), signal.message());
            case SIGN_OFF -> signOffChanged(signal.familyId(), signal.ids());
            case RTC -> signalling.deliverFromAnotherNode(signal.subject(), signal.message(), roomNow(conferenceId));
            case MEDIA, MEDIA_JOINED -> signalling.mediaFromAnotherNode(conferenceId, signal.subject(), signal.message(),
                    signal.kind() == RoomSignal.Kind.MEDIA_JOINED, roomNow(conferenceId));
        }
    }

    /** Tells the other nodes of a cluster what happened in a room here (nothing on one node). */
    private void toOtherNodes(RoomSignal signal) {
        try {
            otherNodes.send(RoomSignal.TOPIC, signal.text());
        } catch (RuntimeException e) {
            // This node's own room has been told; the others miss this one (docs/cluster.md, "A signal lost").
            LOG.log(Level.WARNING, "Could not tell the other nodes of a change in room " + signal.conferenceId(), e);
        }
    }

    /**
     * Another node says something happened in a room: this node's connections in it are sent
     * it, written here as that node wrote it for its own (never told on again). A room with
     * nobody here is ignored. A private part's beginning or end that the room's state no longer
     * shows (it ended, or another began, before this signal arrived) is ignored too: the signal
     * of what came after it brings the room to where it is now.
     */
    void onSignalFromAnotherNode(@Observes ClusterSignal signal) {
        if (!RoomSignal.TOPIC.equals(signal.topic())) {
            return;
        }
        try {
            RoomSignal heard = RoomSignal.parse(signal.text());
            if (heard.conferenceId() != null && !rooms.containsKey(heard.conferenceId())) {
                return;
            }
            String running = heard.conferenceId() == null ? null : rules.room(heard.conferenceId()).privatePartId();
            if (heard.kind() == RoomSignal.Kind.PRIVATE_PART_BEGAN && !Objects.equals(running, heard.subject())
                    || heard.kind() == RoomSignal.Kind.PRIVATE_PART_ENDED && running != null) {
                return;
            }
            tellHere(heard);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell this node's rooms of a change on another node: " + signal.text(), e);
        }
    }

    /** Those kept out are paused (sent nothing of the plan) and cut from the call; everyone is told. */
    private void privatePartBegan(UUID conferenceId, Set<UUID> keptOut) {
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        for (LiveConnection each : room.connections) {
            if (keptOut.contains(each.participant.inviteeId())) {
                each.paused = true;
            }
        }
        signalling.privatePartStarted(new SignallingRelay.RoomNow(room.connections, keptOut, elsewhere(room), room.callsElsewhere));
        broadcastRoomChange(conferenceId, LiveRooms::privatePartOf);
    }

    /** The private part ended (the chair ended it, or left for good): everyone who was kept out catches up. */
    private void privatePartEnded(UUID conferenceId) {
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        List<LiveConnection> wereOut = room.connections.stream().filter(each -> each.paused).toList();
        // Comments as each may see them now, for those whose view changed while they were out (read before taking the plan).
        Map<LiveConnection, List<CommentView>> comments = new HashMap<>();
        for (LiveConnection each : wereOut) {
            if (each.viewChangedWhilePaused) {
                comments.put(each, roomService.commentsFor(each.participant));
            }
        }
        plans.withPlan(room.familyId, plan -> {
            for (LiveConnection each : room.connections) {
                if (each.paused) {
                    boolean viewChanged = each.viewChangedWhilePaused;
                    // A copy of the old view cannot take the changes it missed: it is sent the plan whole.
                    List<PlanChange> missed = each.onlyOwnActions || viewChanged ? null : catchUp(plan, each.revision);
                    List<CommentView> theirComments = comments.get(each);
                    sendSync(each, plan, missed, viewChanged && theirComments != null ? commentsFor(each, theirComments) : null);
                    each.viewChangedWhilePaused = false;
                    each.paused = false;
                }
            }
            return null;
        });
        broadcastRoomChange(conferenceId, LiveRooms::privatePartOf);
        for (LiveConnection each : comments.keySet()) {
            // The room too, with who types where as it may see it now (as viewChanged sends it).
            each.send(roomFor(each, runningPrivatePart(conferenceId, rules.room(conferenceId))));
        }
        signalling.privatePartEnded(wereOut, new SignallingRelay.RoomNow(room.connections, Set.of(), elsewhere(room), room.callsElsewhere));
    }

    /** A change to the room, as one participant is sent it (1.2). */
    private interface RoomMessage {
        String message(RoomState state, Optional<PrivatePartView> privatePart, boolean viewerExcluded);
    }

    /** Someone's hand as it now is (read from the room's state, so two quick changes end the same everywhere). */
    private static RoomMessage handOf(String inviteeId) {
        return (s, part, excluded) -> ServerMessages.hand(inviteeId, s.hands().contains(inviteeId));
    }

    private static String privatePartOf(RoomState s, Optional<PrivatePartView> part, boolean excluded) {
        return ServerMessages.privatePart(part.map(p -> p.id().toString()).orElse(null), part.map(PrivatePartView::reason).orElse(null),
                part.map(PrivatePartView::excludedNames).orElse(List.of()), excluded);
    }

    /**
     * Hands, the agenda or the private part changed: a client that asked for changes (hello
     * roomChanges, 1.2) is sent just the change, whose size does not grow with the room; an
     * older client the whole room, as before. Each message is written once per kind of viewer.
     */
    private void broadcastRoomChange(UUID conferenceId, RoomMessage change) {
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        RoomState roomState = rules.room(conferenceId);
        Optional<PrivatePartView> privatePart = runningPrivatePart(conferenceId, roomState);
        Map<String, Presence> presence = null;
        // Three kinds of viewer: inside (the reason), kept out (nothing of it), family inside (its wording).
        String[] changes = new String[3];
        String[] wholes = new String[3];
        for (LiveConnection c : room.connections) {
            if (!c.joined) {
                continue;
            }
            boolean excluded = isExcluded(c, privatePart);
            int kind = excluded ? 1 : isFamilySide(c) ? 2 : 0;
            Optional<PrivatePartView> seen = seenBy(c, privatePart);
            if (c.roomChanges) {
                changes[kind] = changes[kind] != null ? changes[kind] : change.message(roomState, seen, excluded);
                c.send(changes[kind]);
            } else {
                presence = presence != null ? presence : rules.presence(conferenceId);
                if (c.onlyOwnActions) {
                    c.send(roomMessage(roomState, presenceFor(c, presence), seen, excluded));
                    continue;
                }
                wholes[kind] = wholes[kind] != null ? wholes[kind] : roomMessage(roomState, presence, seen, excluded);
                c.send(wholes[kind]);
            }
        }
    }

    /**
     * One person joined, moved or left (presence null): everyone else in the room is sent just
     * that, so a join costs the same in a room of 300 as in a room of 3.
     */
    private void broadcastPresence(UUID conferenceId, String connectionId, Presence presence) {
        presenceHere(conferenceId, connectionId, presence);
        toOtherNodes(RoomSignal.presence(conferenceId, connectionId));
    }

    /** One person joined, moved or left (presence null), sent to this node's connections in the room. */
    private void presenceHere(UUID conferenceId, String connectionId, Presence presence) {
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        RoomState roomState = rules.room(conferenceId);
        Optional<PrivatePartView> privatePart = runningPrivatePart(conferenceId, roomState);
        String inside = null;
        String outside = null;
        for (LiveConnection c : room.connections) {
            if (!c.joined || c.id.equals(connectionId)) {
                continue;
            }
            if (isExcluded(c, privatePart)) {
                outside = outside != null ? outside : ServerMessages.presence(connectionId, presence, roomState, true);
                c.send(outside);
            } else if (c.onlyOwnActions) {
                c.send(ServerMessages.presence(connectionId, presenceFor(c, presence), roomState, false));
            } else {
                inside = inside != null ? inside : ServerMessages.presence(connectionId, presence, roomState, false);
                c.send(inside);
            }
        }
    }

    /** The room's connections and whom a running private part keeps out, read now (for the signalling relay). */
    private SignallingRelay.RoomNow roomNow(UUID conferenceId) {
        Room room = rooms.get(conferenceId);
        Set<UUID> excluded = runningPrivatePart(conferenceId, rules.room(conferenceId)).map(PrivatePartView::excluded).orElse(Set.of());
        return room == null ? new SignallingRelay.RoomNow(List.of(), excluded)
                : new SignallingRelay.RoomNow(room.connections, excluded, elsewhere(room), room.callsElsewhere);
    }

    /** The room's connections on other nodes of a cluster, from the shared presence (none on one node). */
    private Map<String, Presence> elsewhere(Room room) {
        if (!otherNodes.clustered()) {
            return Map.of();
        }
        var others = new HashMap<>(rules.presence(room.conferenceId));
        room.connections.forEach(c -> others.remove(c.id));
        return others;
    }

    private String roomFor(LiveConnection c, Optional<PrivatePartView> privatePart) {
        return roomMessage(rules.room(c.conferenceId), presenceFor(c, rules.presence(c.conferenceId)), seenBy(c, privatePart),
                isExcluded(c, privatePart));
    }

    private static Optional<PrivatePartView> seenBy(LiveConnection c, Optional<PrivatePartView> privatePart) {
        return RoomRules.asSeenBy(c.participant, privatePart);
    }

    /** Family members and advocates are sent the family's wording of a private part, so their messages are written apart. */
    private static boolean isFamilySide(LiveConnection c) {
        return c.participant.role().joinsByInvitation();
    }

    private static boolean isExcluded(LiveConnection c, Optional<PrivatePartView> privatePart) {
        return RoomRules.keptOut(c.participant, privatePart);
    }

    private static String roomMessage(RoomState room, Map<String, Presence> presence, Optional<PrivatePartView> privatePart,
            boolean excluded) {
        RoomState shown = new RoomState(room.agendaItemId(), room.hands(), privatePart.map(p -> p.id().toString()).orElse(null));
        return ServerMessages.room(shown, presence, privatePart.map(PrivatePartView::reason).orElse(null),
                privatePart.map(PrivatePartView::excludedNames).orElse(List.of()), excluded);
    }

    /**
     * The running private part, read from the database only when the room's state names a
     * different one than last time (it changes when the chair starts or ends one, on any node).
     */
    private Optional<PrivatePartView> runningPrivatePart(UUID conferenceId, RoomState roomState) {
        Room room = rooms.get(conferenceId);
        String running = roomState.privatePartId();
        if (room == null) {
            return roomService.runningView(conferenceId);
        }
        var cached = room.privatePart;
        if (cached != null && Objects.equals(cached.id(), running)) {
            return cached.view();
        }
        Optional<PrivatePartView> view = running == null ? Optional.empty() : roomService.runningView(conferenceId);
        room.privatePart = new CachedPrivatePart(running, view);
        return view;
    }

    /** Access may have changed (the change is committed): see ConnectionAccess#changed. */
    void onAccessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged change) {
        access.changed(change.familyId());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("item with id " + id);
        }
    }

    private static String code(PlanRejection.Reason reason) {
        return switch (reason) {
            case UNKNOWN_ID -> "unknown-id";
            case ALREADY_EXISTS -> "conflict";
            case INVALID_VALUE, WRONG_FIELD -> "invalid";
            case TEXT_MISMATCH -> "text-mismatch";
            case STALE_BASE -> "stale-base";
            case FUTURE_BASE -> "future-base";
            case DUPLICATE_CHANGE -> "duplicate-change";
        };
    }
}
