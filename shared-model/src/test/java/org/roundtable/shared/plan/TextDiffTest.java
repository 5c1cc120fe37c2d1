package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextDiffTest {

    @Property(tries = 1000)
    void the_diff_turns_the_old_text_into_the_new(@ForAll String before, @ForAll String after) {
        assertEquals(after, TextDiff.between(before, after).apply(before));
    }

    @Property(tries = 300)
    void an_unchanged_text_gives_an_edit_that_does_nothing(@ForAll String text) {
        assertEquals(true, TextDiff.between(text, text).isIdentity());
    }
}
