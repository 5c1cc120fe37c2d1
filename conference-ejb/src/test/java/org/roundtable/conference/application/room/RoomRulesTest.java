package org.roundtable.conference.application.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.access.AccessDenied;
import org.roundtable.conference.application.LiveRoomService.PrivatePartView;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.view.ParticipantView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.room.RoomState;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.StaffRole;

/** The rules of a live room, with its state and record in memory: no server, no database. */
class RoomRulesTest {

    private final UUID conference = UUID.randomUUID();
    private final UUID family = UUID.randomUUID();
    private final InMemoryRoomStates states = new InMemoryRoomStates();
    private final InMemoryRoomRecords records = new InMemoryRoomRecords();
    private final RoomRules rules = new RoomRules(states, records);

    private final ParticipantView chair = participant("Pat Chair", InviteeRole.CHAIR);
    private final Caller chairCaller = Caller.staff(UUID.randomUUID(), "Pat Chair", UUID.randomUUID(), Set.of(StaffRole.CHAIR));
    private final ParticipantView worker = participant("Sam Okafor", InviteeRole.AGENCY_STAFF);
    private final Caller workerCaller = Caller.staff(UUID.randomUUID(), "Sam Okafor", UUID.randomUUID(), Set.of());
    private final ParticipantView mother = participant("Jess Taylor", InviteeRole.FAMILY_MEMBER);
    private final ParticipantView advocate = participant("Dee Walker", InviteeRole.ADVOCATE);

    private ParticipantView participant(String name, InviteeRole role) {
        return new ParticipantView(UUID.randomUUID(), conference, family, name, role);
    }

    private static String id(ParticipantView p) {
        return p.inviteeId().toString();
    }

    // Hands

    @Test
    void a_raised_hand_joins_the_end_of_the_queue_and_the_room_is_told_whose_hand_changed() {
        rules.raiseHand(worker);
        RoomChange change = rules.raiseHand(mother);
        assertEquals(List.of(id(worker), id(mother)), change.state().hands());
        assertEquals(new RoomChange.HandChanged(id(mother)), change.told());
        assertEquals(conference, change.conferenceId());
    }

    @Test
    void a_hand_raised_twice_keeps_its_place_in_the_queue() {
        rules.raiseHand(worker);
        rules.raiseHand(mother);
        assertEquals(List.of(id(worker), id(mother)), rules.raiseHand(worker).state().hands());
    }

    @Test
    void a_participant_lowers_their_own_hand() {
        rules.raiseHand(worker);
        rules.raiseHand(mother);
        RoomChange change = rules.lowerHand(mother);
        assertEquals(List.of(id(worker)), change.state().hands());
        assertEquals(new RoomChange.HandChanged(id(mother)), change.told());
    }

    @Test
    void a_participant_cannot_lower_someone_elses_hand() {
        rules.raiseHand(mother);
        assertThrows(AccessDenied.class, () -> rules.clearHand(worker, id(mother)));
        assertThrows(AccessDenied.class, () -> rules.clearHand(advocate, id(mother)));
        assertEquals(List.of(id(mother)), rules.room(conference).hands(), "the hand is still up");
    }

    @Test
    void the_chair_takes_someone_elses_hand_down() {
        rules.raiseHand(worker);
        rules.raiseHand(mother);
        RoomChange change = rules.clearHand(chair, id(worker));
        assertEquals(List.of(id(mother)), change.state().hands());
        assertEquals(new RoomChange.HandChanged(id(worker)), change.told());
    }

    // The agenda

    @Test
    void only_the_chair_moves_the_agenda() {
        UUID item = UUID.randomUUID();
        records.agenda(conference, item);
        for (ParticipantView notChair : List.of(worker, mother, advocate)) {
            assertThrows(AccessDenied.class, () -> rules.moveAgenda(notChair, item.toString()), notChair.name());
        }
        assertNull(rules.room(conference).agendaItemId(), "the agenda has not moved");

        RoomChange change = rules.moveAgenda(chair, item.toString());
        assertEquals(item.toString(), change.state().agendaItemId());
        assertEquals(new RoomChange.AgendaMoved(item.toString()), change.told());
    }

    @Test
    void the_agenda_cannot_move_to_an_item_the_conference_does_not_have() {
        UUID item = UUID.randomUUID();
        records.agenda(conference, item);
        rules.moveAgenda(chair, item.toString());
        assertThrows(ResourceNotFound.class, () -> rules.moveAgenda(chair, UUID.randomUUID().toString()));
        assertThrows(ResourceNotFound.class, () -> rules.moveAgenda(chair, "not-an-id"));
        assertEquals(item.toString(), rules.room(conference).agendaItemId(), "still at the item it was");
    }

    @Test
    void moving_the_agenda_keeps_the_raised_hands() {
        UUID item = UUID.randomUUID();
        records.agenda(conference, item);
        rules.raiseHand(mother);
        assertEquals(List.of(id(mother)), rules.moveAgenda(chair, item.toString()).state().hands());
    }

    // Private parts

    @Test
    void only_the_chair_starts_a_private_part() {
        for (ParticipantView notChair : List.of(worker, mother, advocate)) {
            assertThrows(AccessDenied.class,
                    () -> rules.startPrivatePart(workerCaller, notChair, List.of(id(mother)), "Police information", null), notChair.name());
        }
        assertTrue(records.parts().isEmpty(), "nothing recorded");
        assertNull(rules.room(conference).privatePartId());
    }

    @Test
    void the_chair_starts_a_private_part_that_is_recorded_and_keeps_out_those_named() {
        RoomChange change = rules.startPrivatePart(chairCaller, chair, List.of(id(mother), id(advocate)), "Police information",
                "We talked about a report.");
        var recorded = records.parts().get(0);
        assertEquals(Set.of(mother.inviteeId(), advocate.inviteeId()), recorded.excluded());
        assertEquals(chairCaller, recorded.startedBy());
        assertEquals("Police information", recorded.reason());
        assertEquals("We talked about a report.", recorded.familyText());
        assertEquals(recorded.id().toString(), change.state().privatePartId());
        assertEquals(new RoomChange.PrivatePartBegan(recorded.id(), Set.of(mother.inviteeId(), advocate.inviteeId())), change.told());
    }

    @Test
    void a_private_part_cannot_keep_out_someone_named_by_a_malformed_id_and_nothing_is_recorded() {
        assertThrows(ResourceNotFound.class, () -> rules.startPrivatePart(chairCaller, chair, List.of(id(mother), "nobody"), "Why", null));
        assertTrue(records.parts().isEmpty());
        assertNull(rules.room(conference).privatePartId());
    }

    @Test
    void a_second_private_part_is_refused_while_one_runs_and_the_room_still_shows_the_first() {
        String first = rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null).state().privatePartId();
        assertThrows(DomainRuleViolation.class, () -> rules.startPrivatePart(chairCaller, chair, List.of(id(advocate)), "Again", null));
        assertEquals(first, rules.room(conference).privatePartId());
    }

    @Test
    void only_the_chair_ends_a_private_part() {
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        assertThrows(AccessDenied.class, () -> rules.endPrivatePart(workerCaller, worker));
        assertTrue(records.privatePartRunning(conference));
        assertTrue(rules.room(conference).privatePartId() != null, "still running");

        RoomChange change = rules.endPrivatePart(chairCaller, chair);
        assertNull(change.state().privatePartId());
        assertInstanceOf(RoomChange.PrivatePartEnded.class, change.told());
        assertFalse(records.privatePartRunning(conference));
    }

    @Test
    void ending_a_private_part_when_none_runs_is_refused() {
        assertThrows(DomainRuleViolation.class, () -> rules.endPrivatePart(chairCaller, chair));
    }

    // The chair leaving during a private part

    @Test
    void the_private_part_ends_when_the_last_chair_has_been_gone_for_the_grace_period() {
        rules.arrived(chair, "chair-tab");
        rules.arrived(mother, "mother-tab");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);

        rules.left(conference, "chair-tab");
        assertTrue(rules.waitForAChair(chair), "the last chair left: wait for the grace period");
        Optional<RoomChange> ended = rules.endUnlessAChairCameBack(chairCaller, conference);

        assertInstanceOf(RoomChange.PrivatePartEnded.class, ended.orElseThrow().told());
        assertNull(rules.room(conference).privatePartId());
        assertFalse(records.privatePartRunning(conference));
        assertEquals(chairCaller, records.parts().get(0).endedBy(), "recorded as ended by the chair who left");
    }

    @Test
    void the_private_part_goes_on_when_a_chair_comes_back_within_the_grace_period() {
        rules.arrived(chair, "chair-tab");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        rules.left(conference, "chair-tab");
        assertTrue(rules.waitForAChair(chair));

        rules.arrived(chair, "chair-reconnected");
        assertTrue(rules.endUnlessAChairCameBack(chairCaller, conference).isEmpty());
        assertTrue(records.privatePartRunning(conference));
        assertTrue(rules.room(conference).privatePartId() != null);
    }

    @Test
    void a_chair_closing_one_of_two_tabs_does_not_start_the_wait() {
        rules.arrived(chair, "tab-1");
        rules.arrived(chair, "tab-2");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        rules.left(conference, "tab-1");
        assertFalse(rules.waitForAChair(chair));
    }

    @Test
    void nobody_but_a_chair_leaving_during_a_private_part_starts_the_wait() {
        rules.arrived(chair, "chair-tab");
        rules.arrived(worker, "worker-tab");
        rules.left(conference, "chair-tab");
        assertFalse(rules.waitForAChair(chair), "no private part is running");

        rules.arrived(chair, "chair-tab");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        rules.left(conference, "worker-tab");
        assertFalse(rules.waitForAChair(worker), "a worker left, the chair is here");
    }

    @Test
    void a_private_part_the_chair_ended_during_the_grace_period_is_not_ended_twice() {
        rules.arrived(chair, "chair-tab");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        rules.left(conference, "chair-tab");
        rules.endPrivatePart(chairCaller, chair);
        assertTrue(rules.endUnlessAChairCameBack(chairCaller, conference).isEmpty());
    }

    @Test
    void a_private_part_whose_chair_was_on_a_node_that_died_ends_by_the_server_after_the_grace_period() {
        rules.arrived(chair, "chair-tab-on-node-b");
        rules.arrived(mother, "jess-tab-on-node-a");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        var presence = rules.presence(conference).get("chair-tab-on-node-b");

        // Node B died: its connection is taken out of the room (RoomStateStore), all that is known of it is its presence.
        rules.left(conference, "chair-tab-on-node-b");
        assertTrue(rules.waitForAChair(conference, presence), "the last chair was on the node that died: wait for the grace period");
        Optional<RoomChange> ended = rules.endUnlessAChairCameBack(conference);

        assertInstanceOf(RoomChange.PrivatePartEnded.class, ended.orElseThrow().told());
        assertNull(rules.room(conference).privatePartId());
        assertFalse(records.privatePartRunning(conference));
        assertEquals(InMemoryRoomRecords.THE_SERVER, records.parts().get(0).endedBy(), "recorded as ended by the server: no chair was left");
    }

    @Test
    void a_private_part_whose_chair_was_on_a_node_that_died_goes_on_when_a_chair_is_back_on_another_node() {
        rules.arrived(chair, "chair-tab-on-node-b");
        rules.startPrivatePart(chairCaller, chair, List.of(id(mother)), "Why", null);
        var presence = rules.presence(conference).get("chair-tab-on-node-b");
        rules.left(conference, "chair-tab-on-node-b");
        assertTrue(rules.waitForAChair(conference, presence));

        rules.arrived(chair, "chair-tab-on-node-a");
        assertTrue(rules.endUnlessAChairCameBack(conference).isEmpty());
        assertTrue(records.privatePartRunning(conference));
        assertFalse(rules.waitForAChair(conference, rules.presence(conference).get("chair-tab-on-node-a")), "a chair is here");
        rules.arrived(worker, "worker-tab");
        assertFalse(rules.waitForAChair(conference, rules.presence(conference).get("worker-tab")), "only a chair leaving starts the wait");
    }

    @Test
    void the_grace_period_is_fifteen_seconds_unless_configured() {
        assertEquals(Duration.ofSeconds(15), RoomRules.privatePartGrace());
    }

    // What each viewer is shown of a private part

    private final PrivatePartView running = new PrivatePartView(UUID.randomUUID(), "Police information",
            "We talked about a report.", Set.of(mother.inviteeId()), List.of("Jess Taylor"));

    @Test
    void a_family_member_inside_a_private_part_is_shown_the_familys_wording() {
        ParticipantView father = participant("Chris Taylor", InviteeRole.FAMILY_MEMBER);
        assertFalse(RoomRules.keptOut(father, Optional.of(running)));
        assertEquals("We talked about a report.", RoomRules.asSeenBy(father, Optional.of(running)).orElseThrow().reason());
    }

    @Test
    void an_advocate_inside_a_private_part_is_shown_the_familys_wording() {
        assertEquals("We talked about a report.", RoomRules.asSeenBy(advocate, Optional.of(running)).orElseThrow().reason());
    }

    @Test
    void professionals_inside_a_private_part_are_shown_its_reason() {
        assertEquals("Police information", RoomRules.asSeenBy(worker, Optional.of(running)).orElseThrow().reason());
        assertEquals("Police information", RoomRules.asSeenBy(chair, Optional.of(running)).orElseThrow().reason());
    }

    @Test
    void only_those_named_are_kept_out_of_a_private_part_and_nobody_when_none_runs() {
        assertTrue(RoomRules.keptOut(mother, Optional.of(running)));
        assertFalse(RoomRules.keptOut(worker, Optional.of(running)));
        assertFalse(RoomRules.keptOut(mother, Optional.empty()));
        assertTrue(RoomRules.asSeenBy(mother, Optional.empty()).isEmpty());
    }

    // Presence

    @Test
    void presence_says_who_is_on_each_connection_and_where_they_type_until_they_leave() {
        rules.arrived(worker, "a");
        rules.arrived(worker, "b");
        var typing = rules.typing(worker, "b", "goal-1", "TITLE");
        assertEquals("goal-1", typing.editingNodeId());
        assertEquals(InviteeRole.AGENCY_STAFF.name(), rules.presence(conference).get("a").role());
        assertNull(rules.presence(conference).get("a").editingNodeId());
        assertEquals("TITLE", rules.presence(conference).get("b").editingField());

        rules.left(conference, "a");
        assertEquals(Set.of("b"), rules.presence(conference).keySet());
    }

    @Test
    void the_room_starts_empty() {
        assertEquals(RoomState.empty(), rules.room(conference));
    }
}
