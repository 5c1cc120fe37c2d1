package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.roundtable.conference.domain.model.family.MemberDetails;
import org.roundtable.conference.domain.model.family.PreferredContact;

public record MemberCommand(
        @NotBlank(message = "Enter the person's full name") @Size(max = 200, message = "The name must be 200 characters or fewer") String fullName,
        @PastOrPresent(message = "The date of birth cannot be in the future") LocalDate dateOfBirth,
        @Email(message = "Enter a real email address, like name@example.org") @Size(max = 320) String email,
        @Size(max = 40, message = "The phone number must be 40 characters or fewer") String phone,
        @Size(max = 500, message = "The address must be 500 characters or fewer") String address,
        @Size(max = 60, message = "The language must be 60 characters or fewer") String preferredLanguage,
        @Size(max = 1000, message = "Access needs must be 1000 characters or fewer") String accessNeeds,
        Boolean livesInHousehold,
        @Size(max = 60, message = "The relationship must be 60 characters or fewer") String relationship,
        @Pattern(regexp = "EMAIL|PHONE|TEXT_MESSAGE", message = "Choose how they would like to be contacted") String preferredContact) {

    public MemberDetails details() {
        return new MemberDetails(fullName.strip(), dateOfBirth, blankToNull(email), blankToNull(phone),
                blankToNull(address), blankToNull(preferredLanguage), blankToNull(accessNeeds),
                livesInHousehold == null || livesInHousehold);
    }

    /** Who the person is to the family; null when not given. */
    public String relationshipOrNull() {
        return blankToNull(relationship);
    }

    /** How they like to be reached; null when not given. */
    public PreferredContact preferredContactOrNull() {
        return preferredContact == null || preferredContact.isBlank() ? null : PreferredContact.valueOf(preferredContact);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
