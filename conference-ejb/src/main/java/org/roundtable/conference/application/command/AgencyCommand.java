package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.domain.AgencyKind;

public record AgencyCommand(
        @NotBlank(message = "Enter the agency's name") @Size(max = 200, message = "The name must be 200 characters or fewer") String name,
        @NotNull(message = "Choose what kind of agency this is") AgencyKind kind) {
}
