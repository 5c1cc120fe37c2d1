package org.roundtable.conference.domain.model.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** "What needs to change": one goal of the family's plan, with the actions towards it. */
@Entity
@Table(name = "plan_goal")
public class Goal {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private ActionPlan plan;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    private String description;

    @OneToMany(mappedBy = "goal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Action> actions = new ArrayList<>();

    @Version
    private long version;

    protected Goal() {
    }

    Goal(ActionPlan plan, int position, String title, String description) {
        this.id = UUID.randomUUID();
        this.plan = Objects.requireNonNull(plan);
        this.position = position;
        this.title = Objects.requireNonNull(title);
        this.description = description;
    }

    public void edit(String title, String description) {
        this.title = Objects.requireNonNull(title);
        this.description = description;
        plan.touch();
    }

    public Action addAction(String description, ActionOwner owner, LocalDate dueOn) {
        var action = new Action(this, actions.size(), description, owner, dueOn);
        actions.add(action);
        plan.touch();
        return action;
    }

    ActionPlan plan() {
        return plan;
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<Action> actions() {
        return Collections.unmodifiableList(actions);
    }
}
