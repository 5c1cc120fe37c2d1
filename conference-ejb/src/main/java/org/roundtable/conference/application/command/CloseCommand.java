package org.roundtable.conference.application.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.roundtable.shared.domain.Attendance;

/** Closing a conference: who came, who sent apologies, and what was decided. */
public record CloseCommand(
        @Valid @Size(max = 200, message = "Too many attendance entries") List<@NotNull(message = "An attendance entry is empty") Entry> attendance,
        @Size(max = 100, message = "Please record 100 decisions or fewer") List<@NotBlank(message = "A decision is empty") @Size(max = 2000, message = "Each decision must be 2000 characters or fewer") String> decisions) {

    public record Entry(@NotNull(message = "Say which invitee") UUID inviteeId,
            @NotNull(message = "Say whether they attended") Attendance attendance) {
    }

    public static CloseCommand nothingRecorded() {
        return new CloseCommand(List.of(), List.of());
    }

    public List<Entry> attendanceOrEmpty() {
        return attendance == null ? List.of() : attendance;
    }

    public List<String> decisionsOrEmpty() {
        return decisions == null ? List.of() : decisions;
    }
}
