package org.roundtable.conference.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordReadLoggerTest {

    @Test
    void an_answer_from_a_change_is_logged_in_the_familys_words_for_what_it_carries() {
        assertEquals("your plan", RecordReadLogger.what("/families/{familyId}/plan/goals/{goalId}"));
        assertEquals("your plan", RecordReadLogger.what("/families/{familyId}/plan/goals/{goalId}/actions"));
        assertEquals("contacts with agencies", RecordReadLogger.what("/families/{familyId}/contacts/{contactId}"));
        assertEquals("the plan's sign-off", RecordReadLogger.what("/conferences/{conferenceId}/sign-off"));
        assertEquals("a conference", RecordReadLogger.what("/conferences/{conferenceId}/signatures"));
    }
}
