package org.roundtable.conference.domain.model.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.domain.model.family.Family;

/**
 * The family's one living plan, carried from conference to conference: what needs to change
 * (goals) and who will do what by when (actions). Every change raises the revision, which the
 * live room uses to order edits.
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

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Goal> goals = new ArrayList<>();

    @Version
    private long version;

    protected ActionPlan() {
    }

    public ActionPlan(Family family) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
    }

    public Goal addGoal(String title, String description) {
        var goal = new Goal(this, goals.size(), title, description);
        goals.add(goal);
        touch();
        return goal;
    }

    public Optional<Goal> goal(UUID goalId) {
        return goals.stream().filter(g -> g.id().equals(goalId)).findFirst();
    }

    public Optional<Action> action(UUID actionId) {
        return goals.stream().flatMap(g -> g.actions().stream()).filter(a -> a.id().equals(actionId)).findFirst();
    }

    void touch() {
        revision++;
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

    public List<Goal> goals() {
        return Collections.unmodifiableList(goals);
    }
}
