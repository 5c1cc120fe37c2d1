package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone asked for a sign-in code for an address. It is written alike for every address, known
 * or not; its id is the challenge the person answers, and a code with that id goes out only if
 * the address signs someone in (decided later, away from the request).
 */
@Entity
@Table(name = "code_request")
public class CodeRequest {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    protected CodeRequest() {
    }

    public CodeRequest(String email, Instant now) {
        this.id = UUID.randomUUID();
        this.email = Objects.requireNonNull(email);
        this.requestedAt = Objects.requireNonNull(now);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Instant requestedAt() {
        return requestedAt;
    }
}
