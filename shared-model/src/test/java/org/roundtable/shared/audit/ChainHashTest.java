package org.roundtable.shared.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ChainHashTest {

    @Test
    void a_link_depends_on_the_previous_hash_and_every_field() {
        String first = ChainHash.link(null, "signed", "Sam");
        assertEquals(first, ChainHash.link(ChainHash.GENESIS, "signed", "Sam"));
        assertEquals(64, first.length());
        assertNotEquals(first, ChainHash.link(first, "signed", "Sam"));
        assertNotEquals(first, ChainHash.link(null, "signed", "Sal"));
    }

    @Test
    void moving_text_between_fields_changes_the_hash() {
        assertNotEquals(ChainHash.link(null, "ab", "c"), ChainHash.link(null, "a", "bc"));
        assertNotEquals(ChainHash.link(null, null, "x"), ChainHash.link(null, "", "x"));
    }
}
