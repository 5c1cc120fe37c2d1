package org.roundtable.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void a_nul_an_escape_or_a_right_to_left_override_is_found_where_it_is() {
        assertEquals(4, PlainText.firstForbidden("Jess\u0000Taylor"));
        assertEquals(0, PlainText.firstForbidden("\u001b[31mred"));
        assertEquals(7, PlainText.firstForbidden("report \u202etxt.exe"));
        assertEquals(1, PlainText.firstForbidden("a\u2066b"));
        assertEquals(3, PlainText.firstForbidden("abc\u007f"));
        assertEquals(2, PlainText.firstForbidden("ab\ud800"));
    }

    @Test
    void words_in_any_language_with_tabs_and_line_breaks_are_plain_text() {
        assertEquals(-1, PlainText.firstForbidden("Zoë\tand שלום,\r\nall well. 😀 مرحبا"));
    }

    @Property(tries = 500)
    void text_of_letters_digits_and_spaces_is_always_plain(@ForAll @Chars({' ', '.', '\n'}) @CharRange(from = 'a', to = 'z')
            @CharRange(from = '\u00c0', to = '\u024f') @CharRange(from = '\u0590', to = '\u06ff') String text) {
        assertEquals(-1, PlainText.firstForbidden(text));
    }
}
