package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.command.SignOffCommand;
import org.roundtable.conference.application.view.SignOffView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.commitment.ActionSignature;
import org.roundtable.conference.infrastructure.persistence.SignatureStore;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.plan.ActionOwnerRef;
import org.roundtable.shared.plan.CommitmentHash;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation.SetField;

/**
 * On a cluster only the plan's owner node records a signature, under the plan's lock, so that it
 * meets every change to the plan in order: another node sends it there. The owner signs nothing
 * it can no longer promise: not after the deadline to begin, not once the plan has moved on.
 */
class SigningOnTheOwnerTest {

    private final UUID familyId = UUID.randomUUID();
    private final UUID conferenceId = UUID.randomUUID();
    private final UUID agency = UUID.randomUUID();
    private final Caller worker = Caller.staff(UUID.randomUUID(), "Sam Okafor", agency, Set.of());
    private final UUID action = UUID.randomUUID();

    private boolean ownsThePlan;
    /** What happened, in order: where the signature went, and what was saved. */
    private final List<String> done = new ArrayList<>();
    private final LivePlanService.LivePlan plan;

    private final SignOffService service = new SignOffService();

    SigningOnTheOwnerTest() throws ReflectiveOperationException {
        String goal = UUID.randomUUID().toString();
        var document = PlanStandIns.oneGoalOneAction(goal, "Ryan is safe at home", action.toString(), "Sam visits every week");
        document.apply(new SetField(action.toString(), PlanField.OWNER, new ActionOwnerRef(OwnerKind.AGENCY, agency).toString()));
        plan = new LivePlanService.LivePlan(UUID.randomUUID(), familyId, new PlanAuthority(document, 7, 100), "hash", Set.of(), id -> null);

        set("nodes", new PlansAcrossNodes() {
            @Override
            boolean ownsHere(UUID family) {
                return ownsThePlan;
            }

            @Override
            void signOnTheOwner(Caller caller, UUID family, UUID conference, SignOffCommand command) {
                done.add("sent to the owner");
            }
        });
        // The bean through its proxy: each step in a transaction of its own (recorded here).
        set("self", new SignOffService() {
            @Override
            public MaySign requireMaySign(Caller caller, UUID conference) {
                done.add("may sign");
                return new MaySign(familyId, false);
            }

            @Override
            public SignOffView viewAfterSigning(Caller caller, UUID conference, boolean onlyOwnActions) {
                done.add("shown");
                return new SignOffView(conference, null, 7, List.of());
            }
        });
        set("live", new LivePlanService() {
            @Override
            public <T> T withPlanAsStored(UUID family, Function<LivePlan, T> work) {
                return work.apply(plan);
            }
        });
        set("signatures", new SignatureStore() {
            @Override
            public void save(ActionSignature signature, UUID family, Caller signer) {
                done.add("saved " + signature.actionId());
            }
        });
        set("clock", Clock.systemUTC());
        set("changed", Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class}, (p, m, a) -> null));
    }

    private void set(String field, Object value) throws ReflectiveOperationException {
        InjectedFields.set(service, field, value);
    }

    private SignOffCommand signingTheWordsAsTheyAre() {
        return new SignOffCommand(action, CommitmentHash.of(plan.document().node(action.toString()).orElseThrow()));
    }

    private static long inTime() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    }

    @Test
    void a_node_that_follows_the_plan_sends_the_signature_to_the_owner_and_records_nothing_itself() {
        ownsThePlan = false;

        service.sign(worker, conferenceId, signingTheWordsAsTheyAre());

        assertEquals(List.of("may sign", "sent to the owner", "shown"), done);
    }

    @Test
    void the_node_that_owns_the_plan_signs_it_there() {
        ownsThePlan = true;

        service.sign(worker, conferenceId, signingTheWordsAsTheyAre());

        assertEquals(List.of("may sign", "saved " + action, "shown"), done);
    }

    @Test
    void a_signature_asked_for_here_just_as_the_plan_moved_to_another_node_is_not_recorded_here() {
        // Asked while this node owned the plan; by the time it holds the plan's lock, another node does.
        ownsThePlan = false;

        var refused = assertThrows(PlanNotStored.class,
                () -> service.signOnThePlan(worker, conferenceId, familyId, signingTheWordsAsTheyAre(), null));

        assertEquals(PlansAcrossNodes.MOVED, refused.getMessage());
        assertEquals(List.of(), done);
    }

    @Test
    void the_owner_records_a_signature_sent_to_it_in_time() {
        ownsThePlan = true;

        service.signOnThePlan(worker, conferenceId, familyId, signingTheWordsAsTheyAre(), inTime());

        assertEquals(List.of("saved " + action), done);
    }

    @Test
    void a_signature_not_begun_by_its_deadline_is_not_recorded() {
        ownsThePlan = true;

        assertThrows(PlanNotStored.class,
                () -> service.signOnThePlan(worker, conferenceId, familyId, signingTheWordsAsTheyAre(), System.nanoTime() - 1));

        assertEquals(List.of(), done);
    }

    @Test
    void a_signature_that_reaches_the_plans_lock_after_the_plan_moved_to_another_node_is_not_recorded() {
        ownsThePlan = false;

        var refused = assertThrows(PlanNotStored.class,
                () -> service.signOnThePlan(worker, conferenceId, familyId, signingTheWordsAsTheyAre(), inTime()));

        assertEquals(PlansAcrossNodes.MOVED, refused.getMessage());
        assertEquals(List.of(), done);
    }

    @Test
    void a_signature_on_words_other_than_those_the_owner_holds_is_refused_as_stale() {
        // What the signer read on a node whose copy was behind, say: the owner has other words now.
        ownsThePlan = true;
        var read = new SignOffCommand(action, "0".repeat(64));

        assertThrows(SignOffService.StaleVersion.class, () -> service.signOnThePlan(worker, conferenceId, familyId, read, inTime()));

        assertEquals(List.of(), done);
    }
}
