package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.roundtable.shared.domain.StaffRole;

public record StaffUpdateCommand(
        @NotBlank(message = "Enter the person's full name") @Size(max = 200, message = "The name must be 200 characters or fewer") String fullName,
        @NotBlank(message = "Enter an email address") @Email(message = "Enter a real email address, like name@example.org") @Size(max = 320) String email,
        @Size(max = 40, message = "The phone number must be 40 characters or fewer") @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @NotNull(message = "Say which roles the person has (an empty list is fine)") Set<StaffRole> roles,
        @NotNull(message = "Say whether the account is active") Boolean active) {
}
