package org.roundtable.shared.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TextOperationTest {

    @Test
    void two_people_typing_at_the_same_place_both_keep_their_words() {
        String text = "Walk to school";
        var jess = TextOperation.insertAt(text.length(), 4, " Ryan");
        var sam = TextOperation.insertAt(text.length(), 4, " Mia");
        var pair = TextOperation.transform(jess, sam);
        String viaSam = pair[0].apply(sam.apply(text));
        String viaJess = pair[1].apply(jess.apply(text));
        assertEquals(viaSam, viaJess);
        assertEquals("Walk Mia Ryan to school", viaSam, "the edit applied first on the server comes first");
    }

    @Test
    void an_insert_inside_text_someone_else_deleted_survives() {
        String text = "Call on Monday";
        var delete = TextOperation.deleteAt(text.length(), 4, 10);
        var insert = TextOperation.insertAt(text.length(), 8, "next ");
        var pair = TextOperation.transform(insert, delete);
        assertEquals("Callnext ", pair[0].apply(delete.apply(text)));
        assertEquals(pair[0].apply(delete.apply(text)), pair[1].apply(insert.apply(text)));
    }

    @Test
    void an_edit_for_a_text_of_another_length_is_refused() {
        var op = TextOperation.insertAt(3, 1, "x");
        assertThrows(IllegalArgumentException.class, () -> op.apply("four"));
    }

    @Property(tries = 2000)
    void concurrent_edits_converge_and_keep_every_inserted_word(@ForAll("editPairs") String[] pairSeed) {
        var random = new Random(pairSeed[1].hashCode());
        String text = pairSeed[0];
        TextOperation a = randomEdit(text, random, "A");
        TextOperation b = randomEdit(text, random, "B");
        var pair = TextOperation.transform(a, b);
        String left = pair[0].apply(b.apply(text));
        String right = pair[1].apply(a.apply(text));
        assertEquals(left, right);
        for (TextOperation op : new TextOperation[] {a, b}) {
            for (var c : op.components()) {
                if (c.insert() != null) {
                    assertEquals(true, left.contains(c.insert()), "inserted text survives: " + c.insert());
                }
            }
        }
    }

    @Provide
    Arbitrary<String[]> editPairs() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'e').ofMaxLength(20),
                Arbitraries.strings().alpha().ofLength(8)).as((t, s) -> new String[] {t, s});
    }

    /** A random edit made of a few inserts (of marked words) and deletes. */
    static TextOperation randomEdit(String text, Random random, String mark) {
        var b = TextOperation.builder();
        int i = 0;
        while (i < text.length()) {
            int step = random.nextInt(4);
            int n = 1 + random.nextInt(Math.max(1, text.length() - i));
            n = Math.min(n, text.length() - i);
            if (step == 0) {
                b.insert("<" + mark + random.nextInt(100) + ">");
            } else if (step == 1) {
                b.delete(n);
                i += n;
            } else {
                b.retain(n);
                i += n;
            }
        }
        if (random.nextBoolean()) {
            b.insert("<" + mark + "end>");
        }
        return b.build();
    }
}
