package org.roundtable.conference.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.PlanChangeOutcomeUnknown;
import org.roundtable.conference.application.PlanNotStored;

/** Who is told to send a request again by itself (Retry-After), and who must look first. */
class RetryAfterTest {

    @Test
    void a_change_the_owner_node_failed_to_store_may_be_sent_again_after_a_second() {
        var notStored = new PlanNotStored("The plan could not be saved just now.");
        assertEquals(503, ProblemMapper.problemFor(notStored).status());
        assertEquals(Optional.of(1L), ProblemMapper.retryAfterSeconds(notStored));
    }

    @Test
    void a_rest_change_the_owner_node_never_answered_is_not_sent_again_by_itself_because_it_could_be_made_twice() {
        var unknown = new PlanChangeOutcomeUnknown("The server that keeps this plan did not answer in time. "
                + "Your change may or may not have been saved; look at the plan before you make it again.");
        assertEquals(503, ProblemMapper.problemFor(unknown).status(), "still unavailable");
        assertEquals(Optional.empty(), ProblemMapper.retryAfterSeconds(unknown), "but no Retry-After");
    }
}
