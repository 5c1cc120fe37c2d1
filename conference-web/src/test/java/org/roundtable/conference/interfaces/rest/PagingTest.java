package org.roundtable.conference.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.InvalidInput;

class PagingTest {

    @Test
    void no_paging_means_the_first_page_of_twenty() {
        var page = Paging.of(null, "");
        assertEquals(0, page.page());
        assertEquals(20, page.size());
    }

    @Test
    void paging_that_is_not_a_whole_number_in_range_is_explained_by_field() {
        assertEquals("size", assertThrows(InvalidInput.class, () -> Paging.of("0", "lots")).field());
        assertEquals("page", assertThrows(InvalidInput.class, () -> Paging.of("-2", "10")).field());
        assertEquals("size", assertThrows(InvalidInput.class, () -> Paging.of("0", "101")).field());
        assertEquals("page", assertThrows(InvalidInput.class, () -> Paging.of("2147483647", "20")).field());
    }
}
