package org.roundtable.conference.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.roundtable.conference.application.AuthenticatedSession;
import org.roundtable.conference.domain.model.access.Caller;

/** The session behind the current request, resolved once by {@link SessionFilter}. */
@RequestScoped
public class CallerContext {

    private AuthenticatedSession session;

    void set(AuthenticatedSession session) {
        this.session = session;
    }

    public Optional<AuthenticatedSession> session() {
        return Optional.ofNullable(session);
    }

    /** The caller, or null for an anonymous request; services decide whether that is enough. */
    public Caller caller() {
        return session == null ? null : session.caller();
    }
}
