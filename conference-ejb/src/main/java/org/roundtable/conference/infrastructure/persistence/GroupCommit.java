package org.roundtable.conference.infrastructure.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.infrastructure.persistence.PlanWriter.Pending;

/**
 * What the plan writer does with one batch: the changes of many plans stored in one commit, then
 * announced in the order they were queued. If the batch fails, it is stored again plan by plan,
 * so that one plan's failure (a change the database refuses, another node that moved the plan
 * first) never costs another plan its changes: only the plan that still fails is given up, and
 * only its changes are reported as failed.
 */
final class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    private final ReconnectingPlanBatchStore store;

    GroupCommit(ReconnectingPlanBatchStore store) {
        this.store = store;
    }

    void commit(List<Pending> batch) {
        var writable = new ArrayList<Pending>(batch.size());
        for (Pending p : batch) {
            if (p.current().getAsBoolean()) {
                writable.add(p);
            } else {
                p.onFailure().accept(new IllegalStateException("An earlier change to this plan could not be stored."));
            }
        }
        if (writable.isEmpty()) {
            return;
        }
        Map<Pending, List<VoidedSignature>> voided;
        try {
            voided = store.write(PlanBatchRows.of(writable));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "storing " + writable.size() + " plan changes together failed; storing them plan by plan", e);
            commitEachPlan(writable);
            return;
        }
        announce(writable, voided);
    }

    private void commitEachPlan(List<Pending> batch) {
        Map<UUID, List<Pending>> byPlan = new LinkedHashMap<>();
        for (Pending p : batch) {
            byPlan.computeIfAbsent(p.planId(), id -> new ArrayList<>()).add(p);
        }
        for (List<Pending> plan : byPlan.values()) {
            Map<Pending, List<VoidedSignature>> voided;
            try {
                voided = store.write(PlanBatchRows.of(plan));
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "storing the changes of plan " + plan.get(0).planId() + " failed", e);
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException("The plan could not be stored.", e);
                List<Pending> failed = plan.subList(storedBeforeVoiding(plan), plan.size());
                failed.forEach(p -> p.onFailure().accept(failure));
                continue;
            }
            announce(plan, voided);
        }
    }

    /**
     * A change that voids signatures also writes to the audit log, so it may fail where the
     * plan's ordinary changes would not (a held audit head): the ordinary changes queued before it
     * are stored and announced on their own, as they would have been had it come in a later batch.
     * Returns how many were stored (none if there is no such change, or they fail too).
     */
    private int storedBeforeVoiding(List<Pending> plan) {
        int firstVoiding = 0;
        while (firstVoiding < plan.size() && plan.get(firstVoiding).voids() == null) {
            firstVoiding++;
        }
        if (firstVoiding == 0 || firstVoiding == plan.size()) {
            return 0;
        }
        List<Pending> before = plan.subList(0, firstVoiding);
        try {
            store.write(PlanBatchRows.of(before));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "storing the changes of plan " + plan.get(0).planId() + " before its signature-voiding change failed", e);
            return 0;
        }
        announce(before, Map.of());
        return firstVoiding;
    }

    /** Announced on the writer's thread, in the order stored: per plan, revision order. */
    private static void announce(List<Pending> stored, Map<Pending, List<VoidedSignature>> voided) {
        for (Pending p : stored) {
            try {
                p.onDurable().accept(p, voided.getOrDefault(p, List.of()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "announcing a stored plan change failed", e);
            }
        }
    }
}
