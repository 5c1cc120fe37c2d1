package org.roundtable.conference.domain.model.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A family: the case that agencies work with and that sits at the centre of its conferences. */
@Entity
public class Family {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String reference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The strategy discussion that started child protection enquiries: the statutory timescales run from it. */
    @Column(name = "strategy_discussion_on")
    private LocalDate strategyDiscussionOn;

    /** In the family's own words: what it wants every worker to know. */
    @Column(name = "message_to_workers")
    private String messageToWorkers;

    @Version
    private long version;

    protected Family() {
    }

    public Family(String name, String reference, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = Objects.requireNonNull(createdAt);
        rename(name, reference);
    }

    public void rename(String name, String reference) {
        this.name = Objects.requireNonNull(name);
        this.reference = reference;
    }

    public void recordStrategyDiscussion(LocalDate on) {
        this.strategyDiscussionOn = on;
    }

    public void tellWorkers(String message) {
        this.messageToWorkers = message;
    }

    public String messageToWorkers() {
        return messageToWorkers;
    }

    public LocalDate strategyDiscussionOn() {
        return strategyDiscussionOn;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String reference() {
        return reference;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
