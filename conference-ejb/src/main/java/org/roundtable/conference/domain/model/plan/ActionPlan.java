package org.roundtable.conference.domain.model.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.Family;

/**
 * The family's one living plan, carried from conference to conference. Its content is a
 * document (see shared-model's PlanDocument) changed only by operations; this row holds its
 * revision and, from time to time, a snapshot. The change log is table plan_change, and
 * {@link Goal} and {@link Action} rows are a projection of the document kept for queries.
 */
@Entity
public class ActionPlan {

    @Id
    private UUID id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Column(nullable = false)
    private long revision;

    /** The document as JSON at {@link #documentRevision}; null until the first snapshot. */
    private String document;

    @Column(name = "document_revision")
    private Long documentRevision;

    @Version
    private long version;

    protected ActionPlan() {
    }

    public ActionPlan(Family family) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
    }

    public UUID id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public long revision() {
        return revision;
    }

    public String document() {
        return document;
    }

    public Long documentRevision() {
        return documentRevision;
    }
}
