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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.AccessLogService;
import org.roundtable.conference.application.InvalidInput;
import org.roundtable.conference.application.LivePlanService;
import org.roundtable.conference.application.LiveRoomService;
import org.roundtable.conference.application.LiveRoomService.PrivatePartView;
import org.roundtable.conference.application.PlanChangeApplied;
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
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.cache.RoomStateStore;
import org.roundtable.conference.infrastructure.cache.RoomStateStore.Presence;
import org.roundtable.conference.infrastructure.cache.RoomStateStore.RoomState;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.OwnActionsView;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanRejection;
import org.roundtable.shared.protocol.ClientMessage;
import org.roundtable.shared.protocol.LiveProtocol;
import org.roundtable.shared.protocol.ProtocolViolation;

/**
 * The live rooms on this server: who is connected to which conference, what each message does,
 * and what everyone is sent. Every message is checked against current data before it acts: an
 * access change anywhere moves the epoch on, and a connection checked before that is checked
 * again (all of them at once, straight after the change, so removal takes effect within moments).
 */
@ApplicationScoped
public class LiveRooms {

    private static final Logger LOG = Logger.getLogger(LiveRooms.class.getName());
    /** Sessions expire by the clock; a sweep catches those, which send no event. */
    private static final long SWEEP_SECONDS = 30;

    /** The connections of one conference. */
    /** The private part last read for a room, under the id the room's state gave for it (null: none running). */
    private record CachedPrivatePart(String id, Optional<PrivatePartView> view) {
    }

    private static final class Room {
        final UUID conferenceId;
        final UUID familyId;
        final Set<LiveConnection> connections = new CopyOnWriteArraySet<>();
        volatile CachedPrivatePart privatePart;

        Room(UUID conferenceId, UUID familyId) {
            this.conferenceId = conferenceId;
            this.familyId = familyId;
        }
    }

    private final ConcurrentMap<UUID, Room> rooms = new ConcurrentHashMap<>();
    /** The rooms of each family, so a plan change reaches its rooms without looking at the others. */
    private final ConcurrentMap<UUID, Set<Room>> roomsByFamily = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile LocalDate lastSweepDay;
    private ScheduledFuture<?> sweep;

    @Inject
    private SignInService signIn;

    @Inject
    private LiveRoomService roomService;

    @Inject
    private LivePlanService plans;

    @Inject
    private RoomStateStore state;

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

    @PostConstruct
    void startSweep() {
        lastSweepDay = LocalDate.now(clock);
        sweep = scheduler.scheduleWithFixedDelay(this::sweepEndedSessions, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSweep() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** A socket opened: it may stay only if its session and invitation hold now. */
    void open(LiveConnection c) {
        c.checkedEpoch = epoch.get();
        authorise(c);
    }

    void closed(LiveConnection c) {
        Room room = rooms.get(c.conferenceId);
        if (room != null && room.connections.remove(c)) {
            state.removePresence(c.conferenceId, c.id);
            broadcastPresence(c.conferenceId, c.id, null);
            if (c.joined && c.participant != null && c.participant.isChair()) {
                endPrivatePartUnlessAChairComesBack(c);
            }
            forgetIfEmpty(room);
        }
    }

    /**
     * A private part must not outlive its chair: the family is kept out of its own plan while it
     * runs. When the last chair's connection leaves (on any node), the part ends after a grace
     * period for a reconnect, told to the room as any end (protocol.md, "Private parts").
     */
    private void endPrivatePartUnlessAChairComesBack(LiveConnection chair) {
        if (chairPresent(chair.conferenceId) || state.room(chair.conferenceId).privatePartId() == null) {
            return;
        }
        scheduler.schedule(() -> {
            try {
                if (!chairPresent(chair.conferenceId) && roomService.running(chair.conferenceId).isPresent()) {
                    endPrivatePart(chair.caller, chair.conferenceId);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not end the private part of " + chair.conferenceId + " after its chair left", e);
            }
        }, privatePartGraceSeconds(), TimeUnit.SECONDS);
    }

    /** Seconds a private part waits for its chair to come back: roundtable.live.private-part-grace-seconds (15). */
    static long privatePartGraceSeconds() {
        return Long.getLong("roundtable.live.private-part-grace-seconds", 15);
    }

    /** Whether a chair is in the room now, on this node or another (presence is shared). */
    private boolean chairPresent(UUID conferenceId) {
        return state.presence(conferenceId).values().stream().anyMatch(p -> InviteeRole.CHAIR.name().equals(p.role()));
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
        // Access is checked against the database when anything may have changed it: the epoch
        // moves on every change of access, and when the day changes (an involvement that ended
        // yesterday grants nothing today). In between, messages need no query.
        long seenEpoch = epoch.get();
        if (c.checkedEpoch != seenEpoch) {
            if (!authorise(c)) {
                return;
            }
            c.checkedEpoch = seenEpoch;
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
        } catch (PlanRejection e) {
            c.send(ServerMessages.error(code(e.reason()), e.getMessage(), ref));
        } catch (AccessDenied e) {
            c.send(ServerMessages.error("forbidden", e.getMessage(), ref));
        } catch (ResourceNotFound e) {
            c.send(ServerMessages.error("unknown-id", e.getMessage(), ref));
        } catch (InvalidInput e) {
            c.send(ServerMessages.error("invalid", e.getMessage(), ref));
        } catch (DomainRuleViolation e) {
            c.send(ServerMessages.error("conflict", e.getMessage(), ref));
        } catch (ProtocolViolation e) {
            c.send(ServerMessages.error(e.code(), e.getMessage(), ref));
        } catch (NotSignedIn e) {
            c.close(CloseCodes.SIGNED_OUT, "Your session has ended. Please sign in again.");
        } catch (RuntimeException e) {
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
            Presence now = presenceOf(c, presence.nodeId(), presence.field() == null ? null : presence.field().name());
            state.putPresence(c.conferenceId, c.id, now);
            broadcastPresence(c.conferenceId, c.id, now);
        } else if (message instanceof ClientMessage.RaiseHand) {
            String me = c.participant.inviteeId().toString();
            state.updateRoom(c.conferenceId, s -> s.hands().contains(me) ? s : withHands(s, append(s.hands(), me)));
            broadcastRoomChange(c.conferenceId, handOf(me));
        } else if (message instanceof ClientMessage.LowerHand) {
            lowerHand(c.conferenceId, c.participant.inviteeId().toString());
        } else if (message instanceof ClientMessage.ClearHand clear) {
            requireChair(c);
            lowerHand(c.conferenceId, clear.participantId());
        } else if (message instanceof ClientMessage.MoveAgenda move) {
            requireChair(c);
            roomService.requireAgendaItem(c.conferenceId, uuid(move.itemId()));
            state.updateRoom(c.conferenceId, s -> new RoomState(move.itemId(), s.hands(), s.privatePartId()));
            broadcastRoomChange(c.conferenceId, (s, part, excluded) -> ServerMessages.agenda(s.agendaItemId()));
        } else if (message instanceof ClientMessage.Comment comment) {
            comment(c, comment);
        } else if (message instanceof ClientMessage.StartPrivate start) {
            startPrivate(c, start);
        } else if (message instanceof ClientMessage.EndPrivate) {
            endPrivate(c);
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
        accessLog.recordRead(c.caller, participant.familyId(), "your plan (in the live conference)", null);
        Optional<PrivatePartView> privatePart = runningPrivatePart(c.conferenceId, state.room(c.conferenceId));
        boolean excluded = privatePart.map(p -> p.excluded().contains(participant.inviteeId())).orElse(false);
        List<CommentView> comments = excluded ? List.of() : roomService.commentsFor(participant);
        plans.withPlan(participant.familyId(), plan -> {
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
            state.putPresence(c.conferenceId, c.id, presenceOf(c, null, null));
            var applied = new LinkedHashMap<String, Long>();
            for (String changeId : excluded ? List.<String>of() : hello.pending()) {
                Long at = plan.appliedRevision(changeId);
                if (at != null) {
                    applied.put(changeId, at);
                }
            }
            c.send(ServerMessages.welcome(c.id, participant, plan.revision(), document, missed, hello.pending().isEmpty() ? null : applied,
                    roomFor(c, privatePart), commentsFor(c, comments), c.onlyOwnActions));
            signalling.welcomed(c);
            return null;
        });
        broadcastPresence(c.conferenceId, c.id, presenceOf(c, null, null));
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
        var submitted = plans.submitLive(c.caller, c.participant.familyId(),
                new PlanChange(submit.changeId(), c.id, submit.baseRevision(), submit.operations()));
        if (submitted.outcome() instanceof PlanAuthority.Duplicate duplicate) {
            // A resend of a change that may still be on its way to disk: acknowledged once it is there.
            submitted.durable().whenComplete((stored, failure) -> {
                if (failure == null) {
                    c.send(ServerMessages.ack(submit.changeId(), duplicate.revision()));
                }
            });
        }
        // An applied change reaches everyone, the sender included, through onPlanChange.
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
     * A change as a connection shown only its agency's actions is sent it: just the operations on
     * what it holds, when they bring its copy to what it may see now; when they do not (an action
     * came into or left its view), that part of the plan whole, as {@code sync}. A change that
     * touches nothing it holds is not sent at all, so revisions it receives may skip. Its own
     * change is always acknowledged by its {@code applied}.
     */
    private static void sendPartOf(LiveConnection c, PlanChangeApplied applied, PlanDocument now) {
        PlanChange change = applied.change();
        PlanDocument held = c.shown;
        if (held == null) {
            c.send(ServerMessages.sync(change.revision(), now, null, true, null));
            c.shown = now;
            return;
        }
        List<PlanOperation> visible = OwnActionsView.visibleOperations(change.operations(), held);
        boolean fits;
        try {
            PlanDocument expected = held.copy();
            visible.forEach(expected::apply);
            fits = expected.equals(now);
        } catch (PlanRejection e) {
            fits = false;
        }
        if (!visible.isEmpty() && (fits || change.clientId().equals(c.id))) {
            c.send(ServerMessages.applied(new PlanChange(change.changeId(), change.clientId(), change.revision(), visible),
                    applied.authorName(), null));
        }
        if (!fits) {
            c.send(ServerMessages.sync(change.revision(), now, null, true, null));
        }
        c.shown = now;
    }

    /** The plan as this connection may see it (only its agency's actions, when the family keeps the rest), kept as what it holds. */
    private static PlanDocument shownTo(LiveConnection c, PlanDocument plan) {
        if (!c.onlyOwnActions) {
            c.shown = null;
            return plan;
        }
        PlanDocument part = OwnActionsView.of(plan, ownerOf(c));
        c.shown = part;
        return part;
    }

    private static String ownerOf(LiveConnection c) {
        return new ActionOwnerRef(OwnerKind.AGENCY, c.caller.agencyId()).toString();
    }

    /**
     * Whether this connection may be told about a goal or action: who types in it, its comments,
     * its sign-off. Shown only its agency's actions, it is told of those; of their goals it has
     * only where they sit, never their words, comments or who types in them.
     */
    private static boolean sees(LiveConnection c, String nodeId) {
        if (!c.onlyOwnActions) {
            return true;
        }
        PlanDocument part = c.shown;
        return part != null && nodeId != null && part.node(nodeId).filter(n -> n.kind() == PlanNode.Kind.ACTION).isPresent();
    }

    private static List<CommentView> commentsFor(LiveConnection c, List<CommentView> comments) {
        return c.onlyOwnActions ? comments.stream().filter(v -> sees(c, v.nodeId().toString())).toList() : comments;
    }

    /** Where someone types, unless it is in something this connection may not see. */
    private static Presence presenceFor(LiveConnection c, Presence p) {
        return p == null || p.editingNodeId() == null || sees(c, p.editingNodeId()) ? p
                : new Presence(p.inviteeId(), p.name(), p.role(), null, null);
    }

    private static Map<String, Presence> presenceFor(LiveConnection c, Map<String, Presence> presence) {
        if (!c.onlyOwnActions) {
            return presence;
        }
        var seen = new LinkedHashMap<String, Presence>();
        presence.forEach((id, p) -> seen.put(id, presenceFor(c, p)));
        return seen;
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
            PlanDocument document = shownTo(c, plan.document());
            c.revision = plan.revision();
            c.send(ServerMessages.sync(plan.revision(), document, null, onlyOwnActions, commentsFor(c, comments)));
            return true;
        });
        if (sent) {
            c.send(roomFor(c, runningPrivatePart(c.conferenceId, state.room(c.conferenceId))));
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
        for (Room room : roomsByFamily.getOrDefault(changed.familyId(), Set.of())) {
            SignOffView view = signOff.view(room.conferenceId);
            String message = ServerMessages.signOff(view);
            for (LiveConnection c : room.connections) {
                if (c.joined && !c.paused && (!c.onlyOwnActions || changed.actionIds().stream().anyMatch(id -> sees(c, id)))) {
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
        Room room = rooms.get(c.conferenceId);
        for (LiveConnection each : room.connections) {
            if (each.joined && !each.paused && sees(each, nodeId.toString())) {
                each.send(message);
            }
        }
    }

    private void startPrivate(LiveConnection c, ClientMessage.StartPrivate start) {
        requireChair(c);
        Set<UUID> excluded = new HashSet<>();
        start.excludedInviteeIds().forEach(id -> excluded.add(uuid(id)));
        var part = roomService.startPrivatePart(c.caller, c.conferenceId, excluded, start.reason(), start.familyText());
        state.updateRoom(c.conferenceId, s -> new RoomState(s.agendaItemId(), s.hands(), part.id().toString()));
        Room room = rooms.get(c.conferenceId);
        for (LiveConnection each : room.connections) {
            if (excluded.contains(each.participant.inviteeId())) {
                each.paused = true;
            }
        }
        signalling.privatePartStarted(new SignallingRelay.RoomNow(room.connections, excluded));
        broadcastRoomChange(c.conferenceId, LiveRooms::privatePartOf);
    }

    private void endPrivate(LiveConnection c) {
        requireChair(c);
        endPrivatePart(c.caller, c.conferenceId);
    }

    /** Ends the running private part and catches up everyone who was kept out (the chair asked, or left for good). */
    private void endPrivatePart(Caller chair, UUID conferenceId) {
        roomService.endPrivatePart(chair, conferenceId);
        state.updateRoom(conferenceId, s -> new RoomState(s.agendaItemId(), s.hands(), null));
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
                    each.send(ServerMessages.sync(plan.revision(), missed == null ? shownTo(each, plan.document()) : null, missed,
                            each.onlyOwnActions, viewChanged && theirComments != null ? commentsFor(each, theirComments) : null));
                    each.revision = plan.revision();
                    each.viewChangedWhilePaused = false;
                    each.paused = false;
                }
            }
            return null;
        });
        broadcastRoomChange(conferenceId, LiveRooms::privatePartOf);
        for (LiveConnection each : comments.keySet()) {
            // The room too, with who types where as it may see it now (as viewChanged sends it).
            each.send(roomFor(each, runningPrivatePart(conferenceId, state.room(conferenceId))));
        }
        signalling.privatePartEnded(wereOut, new SignallingRelay.RoomNow(room.connections, Set.of()));
    }

    private void lowerHand(UUID conferenceId, String inviteeId) {
        state.updateRoom(conferenceId, s -> withHands(s, s.hands().stream().filter(h -> !h.equals(inviteeId)).toList()));
        broadcastRoomChange(conferenceId, handOf(inviteeId));
    }

    /** A change to the room, as one participant is sent it (1.2). */
    private interface RoomChange {
        String message(RoomState state, Optional<PrivatePartView> privatePart, boolean viewerExcluded);
    }

    /** Someone's hand as it now is (read from the room's state, so two quick changes end the same everywhere). */
    private static RoomChange handOf(String inviteeId) {
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
    private void broadcastRoomChange(UUID conferenceId, RoomChange change) {
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        RoomState roomState = state.room(conferenceId);
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
                presence = presence != null ? presence : state.presence(conferenceId);
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
        Room room = rooms.get(conferenceId);
        if (room == null) {
            return;
        }
        RoomState roomState = state.room(conferenceId);
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
        Set<UUID> excluded = runningPrivatePart(conferenceId, state.room(conferenceId)).map(PrivatePartView::excluded).orElse(Set.of());
        return new SignallingRelay.RoomNow(room == null ? List.of() : room.connections, excluded);
    }

    private String roomFor(LiveConnection c, Optional<PrivatePartView> privatePart) {
        return roomMessage(state.room(c.conferenceId), presenceFor(c, state.presence(c.conferenceId)), seenBy(c, privatePart),
                isExcluded(c, privatePart));
    }

    /** A family member or advocate inside a private part reads what the family is told, never the professionals' reason. */
    private static Optional<PrivatePartView> seenBy(LiveConnection c, Optional<PrivatePartView> privatePart) {
        return isFamilySide(c) ? privatePart.map(PrivatePartView::asTheFamilySeesIt) : privatePart;
    }

    private static boolean isFamilySide(LiveConnection c) {
        return c.participant.role().joinsByInvitation();
    }

    private static boolean isExcluded(LiveConnection c, Optional<PrivatePartView> privatePart) {
        return privatePart.map(p -> p.excluded().contains(c.participant.inviteeId())).orElse(false);
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

    /**
     * Access may have changed (the change is committed): before the call that changed it returns,
     * every connection is marked to be checked again (the epoch moves on) and any message being
     * handled now is let finish, so that every message handled after the call returns is checked
     * against the change. Then every connection is checked again, off this thread, so that those
     * who lost access are closed even if they send nothing.
     */
    void onAccessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged change) {
        epoch.incrementAndGet();
        for (Room room : rooms.values()) {
            for (LiveConnection c : room.connections) {
                awaitMessageInHand(c);
            }
        }
        if (change.familyId() != null) {
            awaitFamilyRechecked(change.familyId());
        }
        executor.submit(this::recheckAll);
    }

    /**
     * What a family shares changed: its rooms' connections are checked again before the call
     * that changed it returns, so each is sent its new view (a sync) before any plan message that
     * follows the call, not whenever the re-check of every room reaches it. On another thread:
     * this one has just finished its transaction and may not begin another. Bounded, like
     * awaitMessageInHand; the re-check of every room follows anyway.
     */
    private void awaitFamilyRechecked(UUID familyId) {
        try {
            executor.submit(() -> roomsByFamily.getOrDefault(familyId, Set.of()).forEach(room -> room.connections.forEach(this::recheck)))
                    .get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.WARNING, "re-checking a family's live connections took too long or failed", e);
        }
    }

    /** Waits until the connection is between messages (bounded: a stuck handler must not hold up the caller). */
    private static void awaitMessageInHand(LiveConnection c) {
        try {
            if (c.handling.tryLock(2, TimeUnit.SECONDS)) {
                c.handling.unlock();
            } else {
                LOG.warning("a live message took over 2 s while access changed; closing its connection");
                c.close(CloseCodes.TRY_AGAIN, "Access changed; reconnect.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recheckAll() {
        for (Room room : rooms.values()) {
            room.connections.forEach(this::recheck);
        }
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
    private void sweepEndedSessions() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(lastSweepDay)) {
            // Involvements and assignments end by the date: a new day re-checks every connection.
            lastSweepDay = today;
            epoch.incrementAndGet();
            recheckAll();
        }
        Map<String, Boolean> alive = new HashMap<>();
        for (Room room : rooms.values()) {
            for (LiveConnection c : room.connections) {
                try {
                    if (!alive.computeIfAbsent(String.valueOf(c.sessionToken), t -> signIn.resolve(c.sessionToken).isPresent())) {
                        c.close(CloseCodes.SIGNED_OUT, "Your session has ended. Please sign in again.");
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "checking a live session failed", e);
                }
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
                viewChanged(c, onlyOwnActions);
            }
            return true;
        } catch (DomainRuleViolation e) {
            c.close(CloseCodes.CONFERENCE_CLOSED, "The conference has closed.");
        } catch (AccessDenied | ResourceNotFound | NotSignedIn e) {
            c.close(CloseCodes.NO_ACCESS, "You no longer have access to this conference.");
        }
        return false;
    }

    private static void requireChair(LiveConnection c) {
        RoomAccess.requireChair(c.participant.role());
    }

    private static Presence presenceOf(LiveConnection c, String nodeId, String field) {
        return new Presence(c.participant.inviteeId().toString(), c.participant.name(), c.participant.role().name(), nodeId, field);
    }

    private static RoomState withHands(RoomState s, List<String> hands) {
        return new RoomState(s.agendaItemId(), hands, s.privatePartId());
    }

    private static List<String> append(List<String> list, String item) {
        var copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
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
