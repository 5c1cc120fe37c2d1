package org.roundtable.conference.application.view;

import java.time.Instant;

/** What the set-password page shows before the person chooses one: whose account, and the username. */
public record PasswordSetupView(String fullName, String username, Instant expiresAt) {
}
