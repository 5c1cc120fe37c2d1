package org.roundtable.conference.application.view;

import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.FamilyMember;

public record MemberView(UUID id, UUID familyId, String fullName, LocalDate dateOfBirth, String email, String phone,
        String address, String preferredLanguage, String accessNeeds, boolean livesInHousehold, boolean detailsWithheld,
        boolean emailPending, String relationship, String preferredContact, LocalDate leftOn) {

    public static MemberView of(FamilyMember member) {
        return of(member, false);
    }

    /** emailPending: the member's new sign-in address waits for them to confirm it. */
    public static MemberView of(FamilyMember member, boolean emailPending) {
        var d = member.details();
        return new MemberView(member.id(), member.family().id(), d.fullName(), d.dateOfBirth(), d.email(), d.phone(),
                d.address(), d.preferredLanguage(), d.accessNeeds(), d.livesInHousehold(), false, emailPending,
                member.relationship(), member.preferredContact() == null ? null : member.preferredContact().name(), member.leftOn());
    }

    /** Who the person is, without the details the family has asked not to share with this agency. */
    public static MemberView withheld(FamilyMember member) {
        var d = member.details();
        return new MemberView(member.id(), member.family().id(), d.fullName(), d.dateOfBirth(), null, null, null, null, null,
                d.livesInHousehold(), true, false, member.relationship(), null, member.leftOn());
    }
}
