package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsedChangeIdsTest {

    @Test
    void every_id_used_is_known_however_many_and_ids_never_used_are_not() {
        var used = new UsedChangeIds();
        for (int i = 0; i < 20_000; i++) {
            used.add("c-" + i);
        }
        used.add("c-7");
        assertEquals(20_000, used.size(), "an id added twice is kept once");
        for (int i = 0; i < 20_000; i++) {
            assertTrue(used.mayContain("c-" + i), "c-" + i);
            assertFalse(used.mayContain("d-" + i), "d-" + i);
        }
    }
}
