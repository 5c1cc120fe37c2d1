package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reconnecting client's changes settled as not applied: who may still apply each, for how long, and how many are kept. */
class InFlightFencesTest {

    private final UUID family = UUID.randomUUID();
    private final UUID sam = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private long now = 1_000;
    private final InFlightFences fences = new InFlightFences(() -> now);

    @Test
    void a_change_fenced_for_a_new_connection_is_kept_out_from_any_other_of_that_persons_connections_but_not_from_the_new_one() {
        fences.fence(family, sam, "c-1", "conn-new");

        assertTrue(fences.keepsOut(family, sam, "c-1", "conn-old"));
        assertFalse(fences.keepsOut(family, sam, "c-1", "conn-new"));
        assertFalse(fences.keepsOut(family, sam, "c-2", "conn-old"), "another change of hers");
        assertFalse(fences.keepsOut(UUID.randomUUID(), sam, "c-1", "conn-old"), "the same id in another family's plan");
    }

    @Test
    void a_hello_listing_someone_elses_change_id_neither_fences_nor_frees_theirs() {
        fences.fence(family, sam, "c-1", "conn-sam");
        fences.fence(family, ann, "c-1", "conn-ann");

        assertTrue(fences.keepsOut(family, sam, "c-1", "conn-ann"), "Sam's fence still stands, still for Sam's connection");
        assertFalse(fences.keepsOut(family, sam, "c-1", "conn-sam"));
        assertTrue(fences.keepsOut(family, ann, "c-1", "conn-sam"));
    }

    @Test
    void a_newer_hello_moves_the_fence_to_its_own_connection() {
        fences.fence(family, sam, "c-1", "conn-2");
        fences.fence(family, sam, "c-1", "conn-3");

        assertTrue(fences.keepsOut(family, sam, "c-1", "conn-2"));
        assertFalse(fences.keepsOut(family, sam, "c-1", "conn-3"));
    }

    @Test
    void a_fence_ends_when_its_change_is_applied_or_its_time_is_up() {
        fences.fence(family, sam, "c-1", "conn-new");
        fences.fence(family, sam, "c-2", "conn-new");

        fences.applied(family, sam, "c-1");
        now += InFlightFences.LASTS - 1;
        assertFalse(fences.keepsOut(family, sam, "c-1", "conn-old"));
        assertTrue(fences.keepsOut(family, sam, "c-2", "conn-old"), "still within its time");
        now += 1;
        assertFalse(fences.keepsOut(family, sam, "c-2", "conn-old"));
    }

    @Test
    void someone_reconnecting_in_a_loop_keeps_only_their_newest_fences_and_nobody_elses_are_dropped() {
        fences.fence(family, ann, "ann-1", "conn-ann");
        for (int i = 0; i < 10 * InFlightFences.PER_PERSON; i++) {
            fences.fence(family, sam, "sam-" + i, "conn-" + i);
        }

        assertFalse(fences.keepsOut(family, sam, "sam-0", "conn-x"), "the oldest of Sam's was dropped");
        assertTrue(fences.keepsOut(family, sam, "sam-" + (10 * InFlightFences.PER_PERSON - 1), "conn-x"));
        assertTrue(fences.keepsOut(family, ann, "ann-1", "conn-x"), "Ann's fence is untouched");
    }

    @Test
    void fences_of_people_whose_time_is_up_are_forgotten_once_many_people_have_had_some() {
        for (int i = 0; i < 2_000; i++) {
            fences.fence(UUID.randomUUID(), UUID.randomUUID(), "c-1", "conn");
        }
        now += InFlightFences.LASTS;
        fences.fence(family, sam, "c-1", "conn-new");
        // A sweep comes once the count doubles what the last one left, so its cost is spread over the fences made.
        for (int i = 0; i < 100; i++) {
            fences.fence(UUID.randomUUID(), UUID.randomUUID(), "c-1", "conn");
        }

        assertTrue(fences.keepsOut(family, sam, "c-1", "conn-old"), "Sam's fence, still in its time, is kept");
        assertTrue(fences.people() <= 101, "the 2,000 ended ones were swept: " + fences.people());
    }
}
