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

/** Something someone will do towards a goal, by a date. */
@Entity
@Table(name = "plan_action")
public class Action {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "goal_id")
    private Goal goal;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
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

    @Version
    private long version;

    protected Action() {
    }

    Action(Goal goal, int position, String description, ActionOwner owner, LocalDate dueOn) {
        this.id = UUID.randomUUID();
        this.goal = Objects.requireNonNull(goal);
        this.position = position;
        this.status = ActionStatus.PROPOSED;
        apply(description, owner, dueOn, ActionStatus.PROPOSED);
    }

    public void edit(String description, ActionOwner owner, LocalDate dueOn, ActionStatus status) {
        apply(description, owner, dueOn, status);
        goal.plan().touch();
    }

    private void apply(String description, ActionOwner owner, LocalDate dueOn, ActionStatus status) {
        this.description = Objects.requireNonNull(description);
        this.ownerKind = owner.kind();
        this.ownerAgencyId = owner.kind() == OwnerKind.AGENCY ? owner.id() : null;
        this.ownerFamilyMemberId = owner.kind() == OwnerKind.FAMILY_MEMBER ? owner.id() : null;
        this.dueOn = dueOn;
        this.status = Objects.requireNonNull(status);
    }

    public boolean isOverdueOn(LocalDate day) {
        return status.isOpen() && dueOn != null && dueOn.isBefore(day);
    }

    public UUID id() {
        return id;
    }

    public Goal goal() {
        return goal;
    }

    public int position() {
        return position;
    }

    public String description() {
        return description;
    }

    public ActionOwner owner() {
        return ownerKind == OwnerKind.AGENCY ? ActionOwner.agency(ownerAgencyId)
                : ActionOwner.familyMember(ownerFamilyMemberId);
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public ActionStatus status() {
        return status;
    }
}
