package org.roundtable.conference.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.roundtable.conference.domain.model.plan.Action;
import org.roundtable.conference.domain.model.plan.ActionOwner;
import org.roundtable.conference.domain.model.plan.ActionPlan;
import org.roundtable.conference.domain.model.plan.Goal;
import org.roundtable.shared.audit.ChainHash;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanNode;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextOperation;

/**
 * Where plans live in the database: the change log (plan_change), snapshots of the document
 * (action_plan.document) and the goal and action rows projected from it. Loads plans and writes a
 * new plan's first snapshot; every change after that is stored by {@link PlanWriter}.
 */
@ApplicationScoped
public class PlanStore {

    /** Looked up once: JsonProvider.provider() searches the class path on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Another writer moved the plan on first (another server node); reload and try again. */
    public static class ConcurrentWrite extends RuntimeException {
        public ConcurrentWrite() {
            super("The plan was changed elsewhere at the same moment. Please try again.");
        }
    }

    /** A plan as loaded: its document at a snapshot, the changes after it, and some before it. */
    public record Loaded(UUID planId, UUID familyId, PlanDocument snapshot, long snapshotRevision,
            List<PlanChange> after, List<PlanChange> before, String lastHash, Set<String> signedActions) {
    }

    @PersistenceContext
    private EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Loaded load(UUID familyId, int history) {
        ActionPlan plan = em.createQuery("select p from ActionPlan p where p.family.id = :f", ActionPlan.class)
                .setParameter("f", familyId).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plan for family " + familyId));
        PlanDocument snapshot;
        long snapshotRevision;
        if (plan.document() == null) {
            snapshot = fromProjection(plan);
            snapshotRevision = plan.revision();
            writeSnapshot(plan.id(), snapshot, snapshotRevision);
        } else {
            try (var reader = JSON.createReader(new StringReader(plan.document()))) {
                snapshot = PlanJson.document(reader.readObject());
            }
            snapshotRevision = plan.documentRevision();
        }
        List<PlanChange> after = changes(plan.id(), "revision > ?2 order by revision", snapshotRevision, Integer.MAX_VALUE);
        List<PlanChange> before = changes(plan.id(), "revision <= ?2 order by revision desc", snapshotRevision, history);
        return new Loaded(plan.id(), familyId, snapshot, snapshotRevision, after, before, lastHash(plan.id()),
                signedActions(plan.id()));
    }

    /** A new plan's first content, written as its snapshot at revision 0 (in the caller's transaction). */
    @Transactional
    public void initialise(ActionPlan plan, PlanDocument document) {
        em.flush();
        writeSnapshot(plan.id(), document, 0);
        project(plan.id(), document.nodes().stream().map(PlanNode::id).toList(), document);
    }

    /** The hash of the plan's last chained change, or the chain's start when there is none yet. */
    private String lastHash(UUID planId) {
        List<?> hashes = em.createNativeQuery("select hash from plan_change where plan_id = ?1 order by revision desc")
                .setParameter(1, planId).setMaxResults(1).getResultList();
        return hashes.isEmpty() || hashes.get(0) == null ? ChainHash.GENESIS : (String) hashes.get(0);
    }

    private Set<String> signedActions(UUID planId) {
        return em.createQuery("select distinct s.actionId from ActionSignature s where s.planId = :p and s.voidedAt is null", UUID.class)
                .setParameter("p", planId).getResultStream().map(UUID::toString).collect(Collectors.toSet());
    }

    private void writeSnapshot(UUID planId, PlanDocument document, long revision) {
        em.createNativeQuery("update action_plan set document = ?1, document_revision = ?2 where id = ?3")
                .setParameter(1, PlanJson.toJson(document).toString()).setParameter(2, revision).setParameter(3, planId)
                .executeUpdate();
    }

    /** Writes the goal and action rows of these nodes as the document now has them. */
    private void project(UUID planId, List<String> nodeIds, PlanDocument result) {
        ActionPlan plan = em.getReference(ActionPlan.class, planId);
        var touched = new LinkedHashSet<>(nodeIds);
        // Goals first, so that a new action's goal row exists before the action's.
        var nodes = touched.stream().map(id -> result.node(id).orElseThrow())
                .sorted(Comparator.comparing(n -> n.kind() == PlanNode.Kind.GOAL ? 0 : 1)).toList();
        for (PlanNode node : nodes) {
            UUID id = UUID.fromString(node.id());
            if (node.kind() == PlanNode.Kind.GOAL) {
                Goal goal = em.find(Goal.class, id);
                if (goal == null) {
                    goal = new Goal(id, plan);
                    em.persist(goal);
                }
                goal.project(node.get(PlanField.POSITION), node.get(PlanField.TITLE), node.get(PlanField.DESCRIPTION), node.isDeleted());
            } else {
                Goal goal = em.find(Goal.class, UUID.fromString(node.get(PlanField.GOAL)));
                Action action = em.find(Action.class, id);
                if (action == null) {
                    action = new Action(id, goal);
                    em.persist(action);
                }
                ActionOwnerRef owner = ActionOwnerRef.ofNullable(node.get(PlanField.OWNER));
                String due = node.get(PlanField.DUE_ON);
                action.project(goal, node.get(PlanField.POSITION), node.get(PlanField.DESCRIPTION),
                        owner == null ? null : new ActionOwner(owner.kind(), owner.id()),
                        due == null ? null : LocalDate.parse(due), ActionStatus.valueOf(node.get(PlanField.STATUS)),
                        node.isDeleted());
            }
        }
    }

    /** A plan that has no document yet (made before the live plan): its rows, in their old order, as a document. */
    private PlanDocument fromProjection(ActionPlan plan) {
        var doc = new PlanDocument();
        String goalKey = null;
        for (Goal g : rowsInOldOrder(Goal.class, "select id from plan_goal where plan_id = ?1 order by position", plan.id())) {
            String goalId = g.id().toString();
            goalKey = FractionalIndex.between(goalKey, null);
            doc.apply(new PlanOperation.CreateGoal(goalId, goalKey, g.title()));
            if (g.description() != null) {
                doc.apply(new PlanOperation.EditText(goalId, PlanField.DESCRIPTION, TextOperation.insertAt(0, 0, g.description())));
            }
            String actionKey = null;
            for (Action a : rowsInOldOrder(Action.class, "select id from plan_action where goal_id = ?1 order by position", g.id())) {
                String id = a.id().toString();
                actionKey = FractionalIndex.between(actionKey, null);
                doc.apply(new PlanOperation.CreateAction(id, goalId, actionKey, a.description()));
                if (a.owner() != null) {
                    doc.apply(new PlanOperation.SetField(id, PlanField.OWNER, a.owner().kind() + ":" + a.owner().id()));
                }
                if (a.dueOn() != null) {
                    doc.apply(new PlanOperation.SetField(id, PlanField.DUE_ON, a.dueOn().toString()));
                }
                doc.apply(new PlanOperation.SetField(id, PlanField.STATUS, a.status().name()));
            }
        }
        return doc;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rowsInOldOrder(Class<T> type, String idsQuery, UUID parent) {
        List<Object> ids = em.createNativeQuery(idsQuery).setParameter(1, parent).getResultList();
        return ids.stream().map(id -> em.find(type, uuidOf(id))).toList();
    }

    /** Native queries return uuid columns as UUID on PostgreSQL, as 16 bytes on H2. */
    private static UUID uuidOf(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            var buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    @SuppressWarnings("unchecked")
    private List<PlanChange> changes(UUID planId, String condition, long revision, int limit) {
        List<Object[]> rows = em.createNativeQuery("select revision, change_id, client_id, operations from plan_change where plan_id = ?1 and "
                + condition).setParameter(1, planId).setParameter(2, revision).setMaxResults(limit).getResultList();
        var list = new ArrayList<PlanChange>(rows.size());
        for (Object[] row : rows) {
            try (var reader = JSON.createReader(new StringReader((String) row[3]))) {
                list.add(new PlanChange((String) row[1], (String) row[2], ((Number) row[0]).longValue(),
                        PlanJson.operations(reader.readArray())));
            }
        }
        return list;
    }

    /** Every change id the plan has used, handed on one at a time (a long history is not held as a list). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void changeIds(UUID planId, Consumer<String> each) {
        em.createNativeQuery("select change_id from plan_change where plan_id = ?1").setParameter(1, planId)
                .getResultStream().forEach(id -> each.accept((String) id));
    }

    /**
     * The revision of the plan's last stored change (0 if it has none): one look along
     * plan_change's (plan_id, revision) key, to check a claim of having seen more than a copy holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long storedRevision(UUID planId) {
        Object head = em.createNativeQuery("select max(revision) from plan_change where plan_id = ?1").setParameter(1, planId)
                .getSingleResult();
        return head == null ? 0 : ((Number) head).longValue();
    }

    /**
     * How far each of these plans is stored: for a node that follows plans other nodes write, to
     * notice a copy that missed a change. The writer moves {@code action_plan.revision} in the
     * transaction that stores the changes, so this is a primary-key lookup per plan, not a look
     * through its changes. One query per 500 plans.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<UUID, Long> storedRevisions(Collection<UUID> planIds) {
        var heads = new HashMap<UUID, Long>();
        List<UUID> all = List.copyOf(planIds);
        for (int from = 0; from < all.size(); from += 500) {
            List<?> rows = em.createNativeQuery("select id, revision from action_plan where id in (:plans)")
                    .setParameter("plans", all.subList(from, Math.min(all.size(), from + 500))).getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                heads.put(uuidOf(columns[0]), ((Number) columns[1]).longValue());
            }
        }
        return heads;
    }

    /** The revision at which the plan stored a change with this id, or null if it has none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long revisionOf(UUID planId, String changeId) {
        List<?> found = em.createNativeQuery("select revision from plan_change where plan_id = ?1 and change_id = ?2").setParameter(1, planId)
                .setParameter(2, changeId).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }
}
