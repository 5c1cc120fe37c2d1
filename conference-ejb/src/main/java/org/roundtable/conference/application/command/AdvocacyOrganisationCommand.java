package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record AdvocacyOrganisationCommand(
        @NotBlank(message = "Enter the organisation's name") @Size(max = 200, message = "The name must be 200 characters or fewer") String name,
        @Size(max = 40, message = "The phone number must be 40 characters or fewer") @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String contactPhone,
        @Size(max = 320, message = "The email address must be 320 characters or fewer") @Email(message = "Enter a real email address, like name@example.org") String contactEmail) {
}
