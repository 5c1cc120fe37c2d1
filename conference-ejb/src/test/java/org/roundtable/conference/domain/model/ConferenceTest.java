package org.roundtable.conference.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.MemberDetails;
import org.roundtable.shared.domain.AgencyKind;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.StaffRole;

class ConferenceTest {

    private final Agency social = new Agency("Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE);
    private final StaffMember chair = new StaffMember(social, "Priya", "p@example.org", "chair", "hash", Set.of(StaffRole.CHAIR));
    private final Family family = new Family("Taylor family", null, Instant.now());
    private final Conference conference = new Conference(family, ConferenceKind.CORE_GROUP, Instant.now(), chair);

    @Test
    void the_chair_is_always_on_the_list() {
        assertEquals(1, conference.invitees().size());
        assertEquals(InviteeRole.CHAIR, conference.invitees().get(0).role());
        var chairInvitee = conference.invitees().get(0).id();
        assertThrows(DomainRuleViolation.class, () -> conference.uninvite(chairInvitee));
    }

    @Test
    void nobody_is_invited_twice() {
        var jess = new FamilyMember(family, new MemberDetails("Jess", null, "j@example.org", null, null, null, null));
        conference.invite(Invitee.familyMember(conference, jess));
        assertThrows(DomainRuleViolation.class, () -> conference.invite(Invitee.familyMember(conference, jess)));
    }

    @Test
    void only_members_of_this_family_are_invited_as_family() {
        var other = new FamilyMember(new Family("Novak family", null, Instant.now()),
                new MemberDetails("Anna", null, null, null, null, null, null));
        assertThrows(DomainRuleViolation.class, () -> Invitee.familyMember(conference, other));
    }

    @Test
    void a_closed_conference_refuses_every_change() {
        conference.addAgendaItem("Welcome", null);
        conference.moveTo(ConferenceStatus.LIVE);
        conference.moveTo(ConferenceStatus.CLOSED);
        assertThrows(DomainRuleViolation.class, () -> conference.moveTo(ConferenceStatus.CLOSED));
        assertThrows(DomainRuleViolation.class, () -> conference.addAgendaItem("Late", null));
        var item = conference.agenda().get(0);
        assertThrows(DomainRuleViolation.class, () -> item.edit("Changed", null));
        assertThrows(DomainRuleViolation.class, () -> conference.reschedule(ConferenceKind.OTHER, Instant.now(), chair));
    }

    @Test
    void removing_an_agenda_item_keeps_the_rest_in_order() {
        var first = conference.addAgendaItem("One", null);
        conference.addAgendaItem("Two", null);
        conference.addAgendaItem("Three", null);
        conference.removeAgendaItem(first.id());
        assertEquals("Two", conference.agenda().get(0).title());
        assertEquals(0, conference.agenda().get(0).position());
        assertEquals(1, conference.agenda().get(1).position());
    }

    @Test
    void a_new_chair_replaces_the_old_one_on_the_list() {
        var other = new StaffMember(social, "Morgan", "m@example.org", "chair2", "hash", Set.of(StaffRole.CHAIR));
        conference.reschedule(ConferenceKind.CORE_GROUP, Instant.now(), other);
        assertTrue(conference.isChairedBy(other.id()));
        assertEquals(1, conference.invitees().stream().filter(i -> i.role() == InviteeRole.CHAIR).count());
        assertEquals("Morgan", conference.invitees().stream().filter(i -> i.role() == InviteeRole.CHAIR).findFirst().orElseThrow().displayName());
    }
}
