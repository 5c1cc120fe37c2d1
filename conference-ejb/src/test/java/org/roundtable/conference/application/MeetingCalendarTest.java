package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.shared.domain.AgencyKind;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.StaffRole;

/** The calendar file a family member or advocate gets (attached, or downloaded) speaks their language. */
class MeetingCalendarTest {

    private final Conference conference = conference();

    private static Conference conference() {
        var agency = new Agency("Riverside Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE);
        var chair = new StaffMember(agency, "Priya Shah", "priya@example.org", "priya", "hash", Set.of(StaffRole.CHAIR));
        var c = new Conference(new Family("Taylor family", null, Instant.now()), ConferenceKind.CORE_GROUP,
                Instant.parse("2026-12-10T10:00:00Z"), chair);
        c.arrange("Riverside Family Centre", null, null);
        return c;
    }

    private String ics(Language language) {
        return MeetingLetter.calendarEvent(conference, Instant.parse("2026-12-01T09:00:00Z"), language).toIcs().replace("\r\n ", "");
    }

    @Test
    void a_welsh_reader_gets_the_meeting_in_their_calendar_in_welsh_with_a_link_to_the_welsh_page() {
        String welsh = ics(Language.WELSH);
        assertTrue(welsh.contains("SUMMARY:" + MailTexts.in(Language.WELSH).get("meeting.title.CORE_GROUP") + " (Taylor family)"), welsh);
        assertTrue(welsh.contains("DESCRIPTION:Diben y cyfarfod: "), welsh);
        assertTrue(welsh.contains("Cwestiynau? Cysylltwch â'r cadeirydd: Priya Shah"), welsh);
        assertTrue(welsh.contains("/conferences/" + conference.id() + "?lang=cy"), welsh);
        for (String english : List.of("What it is for", "Questions?", "In person", "Core group conference")) {
            assertFalse(welsh.contains(english), "English left in the Welsh calendar file: " + english + "\n" + welsh);
        }
    }

    @Test
    void an_english_reader_keeps_the_calendar_words_they_had() {
        String english = ics(Language.ENGLISH);
        assertTrue(english.contains("SUMMARY:Core group conference (Taylor family)"), english);
        assertTrue(english.contains("LOCATION:In person: Riverside Family Centre"), english);
        assertTrue(english.contains("DESCRIPTION:What it is for: a smaller meeting to check how the plan is going\\, with your workers.\\n"
                + "Questions? Contact the chair: Priya Shah\\, Riverside Children's Services"), english);
        assertTrue(english.contains("URL:" + PublicAddress.base() + "/conferences/" + conference.id() + "\r\n"), english);
    }
}
