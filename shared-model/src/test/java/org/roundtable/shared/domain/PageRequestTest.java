package org.roundtable.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void a_page_starts_after_the_pages_before_it() {
        assertEquals(40, new PageRequest(2, 20).offset());
    }

    @Test
    void nobody_can_ask_for_a_negative_page_or_an_unbounded_one() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(-1, 20));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, PageRequest.MAX_SIZE + 1));
    }

    @Test
    void a_page_number_whose_offset_would_overflow_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(Integer.MAX_VALUE, 20));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(PageRequest.MAX_PAGE + 1, 1));
        assertEquals((long) PageRequest.MAX_PAGE * PageRequest.MAX_SIZE, new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).offset());
    }

    @Test
    void a_page_knows_how_many_pages_there_are() {
        Page<String> page = new Page<>(List.of("a", "b"), 0, 2, 5);
        assertEquals(3, page.totalPages());
        assertEquals(List.of(1, 1), page.map(String::length).items());
    }
}
