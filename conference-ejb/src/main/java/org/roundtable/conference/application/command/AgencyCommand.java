package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.domain.AgencyKind;

/** An agency's name and kind, and (optionally) the phone number and email address families and agencies use. */
public record AgencyCommand(
        @NotBlank(message = "Enter the agency's name") @Size(max = 200, message = "The name must be 200 characters or fewer") String name,
        @NotNull(message = "Choose what kind of agency this is") AgencyKind kind,
        @Size(max = 40, message = "The phone number must be 40 characters or fewer") @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String contactPhone,
        @Size(max = 320, message = "The email address must be 320 characters or fewer") @Email(message = "Enter a real email address, like name@example.org") String contactEmail) {
}
