package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.cache.PlanOwnership;

/**
 * For administrators running several nodes: which node answered, which nodes are in the cluster,
 * and which of them keeps a family's plan now (docs/cluster.md). Nothing about the family itself.
 */
@ApplicationScoped
public class ClusterService {

    /**
     * {@code planOwner} is null unless a family was asked about. {@code followChecks}: how many
     * times this node has checked the plans it follows against the database (docs/cluster.md).
     */
    public record ClusterView(String node, List<String> members, UUID familyId, String planOwner, long followChecks) {
    }

    @Inject
    private AccessPolicy policy;

    @Inject
    private PlanOwnership ownership;

    @Inject
    private LivePlanService plans;

    public ClusterView view(Caller caller, UUID familyId) {
        policy.requireAdministrator(caller);
        return new ClusterView(ownership.thisNode(), ownership.members().stream().sorted().toList(), familyId,
                familyId == null ? null : ownership.ownerOf(familyId), plans.followChecks());
    }
}
