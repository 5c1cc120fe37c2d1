package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;

/**
 * An email address a family member or an advocate signs in with. It is an identity: it belongs
 * to one person only, and it signs nobody in until the person at that address has confirmed it
 * (by following the link emailed to it).
 */
@Entity
@Table(name = "sign_in_address")
public class SignInAddress {

    @Id
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_kind", nullable = false, updatable = false)
    private CallerKind callerKind;

    @Column(name = "caller_id", nullable = false, updatable = false)
    private UUID callerId;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected SignInAddress() {
    }

    private SignInAddress(String email, CallerKind kind, UUID personId, String tokenHash, Instant now, Instant confirmedAt) {
        this.email = normalise(email);
        this.callerKind = Objects.requireNonNull(kind);
        this.callerId = Objects.requireNonNull(personId);
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.confirmedAt = confirmedAt;
    }

    /** An address waiting for its owner to confirm it with the token sent there. */
    public static SignInAddress awaitingConfirmation(String email, CallerKind kind, UUID personId, String tokenHash, Instant now) {
        return new SignInAddress(email, kind, personId, Objects.requireNonNull(tokenHash), now, null);
    }

    /** An address known to be the person's already (demo people, and addresses in use before confirmation existed). */
    public static SignInAddress confirmed(String email, CallerKind kind, UUID personId, Instant now) {
        return new SignInAddress(email, kind, personId, null, now, now);
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public void confirm(Instant now) {
        confirmedAt = now;
        tokenHash = null;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public boolean belongsTo(CallerKind kind, UUID personId) {
        return callerKind == kind && callerId.equals(personId);
    }

    public String email() {
        return email;
    }

    public CallerKind callerKind() {
        return callerKind;
    }

    public UUID callerId() {
        return callerId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
