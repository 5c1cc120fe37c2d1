package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Downloads of everything held: a few at once per family and on the server, so slow readers cannot take every thread. */
class ExportsUnderWayTest {

    private final ExportsUnderWay exports = new ExportsUnderWay();

    @Test
    void a_family_holding_two_downloads_is_told_to_wait_for_them_and_no_other_family_is_held_up() {
        UUID family = UUID.randomUUID();
        exports.begin(family);
        var second = exports.begin(family);
        TryLater refused = assertThrows(TryLater.class, () -> exports.begin(family));
        assertFalse(refused.serverWide(), "the family's own limit: 429");
        assertTrue(refused.retryAfter().toSeconds() > 0);
        assertDoesNotThrow(() -> exports.begin(UUID.randomUUID()), "another family is not held up");
        second.close();
        assertDoesNotThrow(() -> exports.begin(family), "a finished download makes room");
    }

    @Test
    void the_server_runs_eight_downloads_at_once_and_a_permit_closed_twice_frees_one_place_only() {
        var under = new ArrayList<ExportsUnderWay.Permit>();
        for (int i = 0; i < 8; i++) {
            under.add(exports.begin(UUID.randomUUID()));
        }
        TryLater refused = assertThrows(TryLater.class, () -> exports.begin(UUID.randomUUID()));
        assertTrue(refused.serverWide(), "everyone waits: 503");
        under.get(0).close();
        under.get(0).close();
        exports.begin(UUID.randomUUID());
        assertEquals(TryLater.class, assertThrows(RuntimeException.class, () -> exports.begin(UUID.randomUUID())).getClass(),
                "closing twice freed one place, not two");
    }
}
