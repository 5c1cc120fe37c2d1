package org.roundtable.conference.domain.model.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/** Something someone will do towards a goal, by a date: projected from the plan document for queries. */
@Entity
@Table(name = "plan_action")
public class Action {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "goal_id")
    private Goal goal;

    @Column(name = "position_key")
    private String positionKey;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    private OwnerKind ownerKind;

    @Column(name = "owner_agency_id")
    private UUID ownerAgencyId;

    @Column(name = "owner_family_member_id")
    private UUID ownerFamilyMemberId;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status;

    @Column(nullable = false)
    private boolean deleted;

    @Version
    private long version;

    protected Action() {
    }

    public Action(UUID id, Goal goal) {
        this.id = Objects.requireNonNull(id);
        this.goal = Objects.requireNonNull(goal);
        this.description = "";
        this.status = ActionStatus.PROPOSED;
    }

    public void project(Goal goal, String positionKey, String description, ActionOwner owner, LocalDate dueOn,
            ActionStatus status, boolean deleted) {
        this.goal = Objects.requireNonNull(goal);
        this.positionKey = positionKey;
        this.description = description == null ? "" : description;
        this.ownerKind = owner == null ? null : owner.kind();
        this.ownerAgencyId = owner != null && owner.kind() == OwnerKind.AGENCY ? owner.id() : null;
        this.ownerFamilyMemberId = owner != null && owner.kind() == OwnerKind.FAMILY_MEMBER ? owner.id() : null;
        this.dueOn = dueOn;
        this.status = Objects.requireNonNull(status);
        this.deleted = deleted;
    }

    public boolean isOverdueOn(LocalDate day) {
        return !deleted && status.isOpen() && dueOn != null && dueOn.isBefore(day);
    }

    public UUID id() {
        return id;
    }

    public Goal goal() {
        return goal;
    }

    public String positionKey() {
        return positionKey;
    }

    public String description() {
        return description;
    }

    /** The owner, or null while nobody owns the action yet. */
    public ActionOwner owner() {
        if (ownerKind == null) {
            return null;
        }
        return ownerKind == OwnerKind.AGENCY ? ActionOwner.agency(ownerAgencyId) : ActionOwner.familyMember(ownerFamilyMemberId);
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public ActionStatus status() {
        return status;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
