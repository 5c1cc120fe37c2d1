package org.roundtable.conference.domain.model.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** "What needs to change": a goal of the plan, as projected from the plan document for queries. */
@Entity
@Table(name = "plan_goal")
public class Goal {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private ActionPlan plan;

    @Column(name = "position_key")
    private String positionKey;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private boolean deleted;

    @Version
    private long version;

    protected Goal() {
    }

    public Goal(UUID id, ActionPlan plan) {
        this.id = Objects.requireNonNull(id);
        this.plan = Objects.requireNonNull(plan);
        this.title = "";
    }

    public void project(String positionKey, String title, String description, boolean deleted) {
        this.positionKey = positionKey;
        this.title = title == null ? "" : title;
        this.description = description == null || description.isEmpty() ? null : description;
        this.deleted = deleted;
    }

    public UUID id() {
        return id;
    }

    public ActionPlan plan() {
        return plan;
    }

    public String positionKey() {
        return positionKey;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
