package org.roundtable.conference.application;

import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;

/** A live session resolved from its token: who it belongs to now, and its CSRF token. */
public record AuthenticatedSession(UUID sessionId, Caller caller, String csrfToken) {
}
