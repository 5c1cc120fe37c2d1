package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record FamilyCommand(
        @NotBlank(message = "Enter the family's name") @Size(max = 200, message = "The name must be 200 characters or fewer") String name,
        @Size(max = 60, message = "The reference must be 60 characters or fewer") String reference,
        @PastOrPresent(message = "The strategy discussion cannot be in the future") LocalDate strategyDiscussionOn) {
}
