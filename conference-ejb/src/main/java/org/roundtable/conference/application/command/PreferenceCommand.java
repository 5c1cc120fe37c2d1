package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/** The family's wish for one agency and one kind of information. */
public record PreferenceCommand(
        @NotNull(message = "Say which agency") UUID agencyId,
        @NotNull(message = "Say which information") InformationKind kind,
        @NotNull(message = "Choose share, ask me first or do not share") SharingPreference preference) {
}
