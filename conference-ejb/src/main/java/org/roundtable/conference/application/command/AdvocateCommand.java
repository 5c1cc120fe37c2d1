package org.roundtable.conference.application.command;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** organisationId: one of the advocates' organisations the administrator keeps (its name wins over organisation). */
public record AdvocateCommand(
        @NotBlank(message = "Enter the advocate's full name") @Size(max = 200, message = "The name must be 200 characters or fewer") String fullName,
        @NotBlank(message = "Enter the advocate's email address") @Email(message = "Enter a real email address, like name@example.org") @Size(max = 320) String email,
        @Size(max = 200, message = "The organisation must be 200 characters or fewer") String organisation,
        @NotNull(message = "Enter the date the advocate starts") LocalDate startsOn,
        UUID organisationId) {
}
