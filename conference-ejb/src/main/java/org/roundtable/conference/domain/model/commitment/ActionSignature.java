package org.roundtable.conference.domain.model.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.CallerKind;

/**
 * An owner's signature on one action, in one conference: who, when, and a hash of exactly the
 * words, owner and date they signed. A later change to those voids it; it is never deleted.
 */
@Entity
@Table(name = "action_signature")
public class ActionSignature {

    @Id
    private UUID id;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Column(name = "action_id", nullable = false)
    private UUID actionId;

    @Column(name = "conference_id", nullable = false)
    private UUID conferenceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "signer_kind", nullable = false)
    private CallerKind signerKind;

    @Column(name = "signer_id", nullable = false)
    private UUID signerId;

    @Column(name = "signer_name", nullable = false)
    private String signerName;

    @Column(name = "agency_id")
    private UUID agencyId;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "void_reason")
    private String voidReason;

    protected ActionSignature() {
    }

    public ActionSignature(UUID planId, UUID actionId, UUID conferenceId, Caller signer, String contentHash, Instant signedAt) {
        this.id = UUID.randomUUID();
        this.planId = Objects.requireNonNull(planId);
        this.actionId = Objects.requireNonNull(actionId);
        this.conferenceId = Objects.requireNonNull(conferenceId);
        this.signerKind = signer.kind();
        this.signerId = signer.id();
        this.signerName = signer.displayName();
        this.agencyId = signer.agencyId();
        this.contentHash = Objects.requireNonNull(contentHash);
        this.signedAt = Objects.requireNonNull(signedAt);
    }

    /** Voids the signature: what was signed has changed. The signature stays on the record, marked void. */
    public void voidBecause(String reason, Instant at) {
        if (voidedAt == null) {
            this.voidedAt = Objects.requireNonNull(at);
            this.voidReason = Objects.requireNonNull(reason);
        }
    }

    public boolean isVoid() {
        return voidedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UUID actionId() {
        return actionId;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    public CallerKind signerKind() {
        return signerKind;
    }

    public UUID signerId() {
        return signerId;
    }

    public String signerName() {
        return signerName;
    }

    public String contentHash() {
        return contentHash;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public Instant voidedAt() {
        return voidedAt;
    }

    public String voidReason() {
        return voidReason;
    }
}
