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

    /** The language chosen on the page the code was asked for on (en or cy); null when none was chosen. */
    @Column(updatable = false)
    private String language;

    protected CodeRequest() {
    }

    public CodeRequest(String email, Instant now) {
        this(email, now, null);
    }

    public CodeRequest(String email, Instant now, org.roundtable.conference.domain.model.family.Language chosenOnPage) {
        this.id = UUID.randomUUID();
        this.email = Objects.requireNonNull(email);
        this.requestedAt = Objects.requireNonNull(now);
        this.language = chosenOnPage == null ? null : chosenOnPage.code();
    }

    /** The language chosen on the page, if one was. */
    public java.util.Optional<org.roundtable.conference.domain.model.family.Language> chosenOnPage() {
        return org.roundtable.conference.domain.model.family.Language.ofCode(language);
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
