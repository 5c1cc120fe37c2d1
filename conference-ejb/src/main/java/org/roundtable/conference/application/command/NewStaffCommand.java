package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.roundtable.shared.domain.StaffRole;

/**
 * A new member of staff. Without a password (the usual way) they are emailed a link to set
 * their own; without a username one is made from their email address.
 */
public record NewStaffCommand(
        @NotBlank(message = "Enter the person's full name") @Size(max = 200, message = "The name must be 200 characters or fewer") String fullName,
        @NotBlank(message = "Enter an email address") @Email(message = "Enter a real email address, like name@example.org") @Size(max = 320) String email,
        @Pattern(regexp = "([a-z0-9._-]{3,100})?", message = "A username is 3 to 100 lower-case letters, digits, dots, dashes or underscores") String username,
        @Pattern(regexp = "(?s)(.{12,200})?", message = "A password must be at least 12 characters long") String password,
        @Size(max = 40, message = "The phone number must be 40 characters or fewer") @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @NotNull(message = "Say which roles the person has (an empty list is fine)") Set<StaffRole> roles) {
}
