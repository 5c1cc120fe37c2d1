package org.roundtable.conference.application.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.roundtable.shared.domain.InvitationAnswer;

/**
 * An invited person's answer: coming, not coming (with a reason), the help they need (a language
 * and access needs), or their views before the meeting (words and/or a small file, base64).
 * Which fields are needed depends on the answer; the service checks that.
 */
public record ReplyCommand(
        @NotNull(message = "Choose what you want to do") InvitationAnswer answer,
        @Size(max = 500, message = "The reason must be 500 characters or fewer") String reason,
        @Size(max = 100, message = "The language must be 100 characters or fewer") String language,
        @Size(max = 1000, message = "Access needs must be 1000 characters or fewer") String accessNeeds,
        @Size(max = 2000, message = "Your views must be 2000 characters or fewer") String words,
        @Size(max = 200, message = "The file name must be 200 characters or fewer") String fileName,
        @Size(max = 56000, message = "The file must be 40 KB or smaller") String fileBase64) {
}
