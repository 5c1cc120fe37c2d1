package org.roundtable.conference.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.agency.StaffMember;

/**
 * A single-use link with which a member of staff sets their own password, so no administrator
 * ever knows it. Only the hash of the link's token is stored. It works once, until it expires.
 */
@Entity
public class PasswordSetup {

    /** An emailed link: long enough for someone who reads their mail the next working day. */
    public static final Duration EMAILED_LINK_VALID_FOR = Duration.ofDays(3);
    /** The first administrator's link, printed by the add-administrator command at the operator's terminal. */
    public static final Duration FIRST_ADMINISTRATOR_LINK_VALID_FOR = Duration.ofHours(1);

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_id")
    private StaffMember staff;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordSetup() {
    }

    public PasswordSetup(StaffMember staff, String tokenHash, Instant now, Duration validFor) {
        this.id = UUID.randomUUID();
        this.staff = Objects.requireNonNull(staff);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = now;
        this.expiresAt = now.plus(validFor);
    }

    /** Whether the link can still be used; says why not otherwise. */
    public void requireUsable(Instant now) {
        if (usedAt != null) {
            throw new DomainRuleViolation("This link has already been used to set a password.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainRuleViolation("This link has expired: links to set a password work for a limited time.");
        }
        if (!staff.isActive()) {
            throw new DomainRuleViolation("This account is not active.");
        }
    }

    public void use(Instant now) {
        requireUsable(now);
        usedAt = now;
    }

    /** A newer link, or a reset, makes this one useless. */
    public void withdraw(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public StaffMember staff() {
        return staff;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
