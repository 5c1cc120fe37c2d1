package org.roundtable.conference.interfaces.rest;

import org.roundtable.conference.interfaces.problem.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page in Welsh gets the server's messages in Welsh where the Welsh is known, and the rest as they were. */
class WelshProblemsTest {

    @Test
    void a_welsh_page_reads_the_code_forms_errors_in_welsh() {
        String english = Problem.of(400, "Bad Request", "Enter the 6-digit code from the email")
                .withErrors(List.of(new Problem.FieldError("code", "The code is 6 digits, like 123456"),
                        new Problem.FieldError("other", "A message nobody has translated yet"))).toJson();
        String welsh = WelshProblems.inWelsh(english);
        assertTrue(welsh.contains("\"detail\":\"Rhowch y cod 6 digid o'r e-bost\""), welsh);
        assertTrue(welsh.contains("\"message\":\"Mae'r cod yn 6 digid, fel 123456\""), welsh);
        assertTrue(welsh.contains("\"message\":\"A message nobody has translated yet\""), "unknown messages stay: " + welsh);
        assertTrue(welsh.contains("\"status\":400") && welsh.contains("\"field\":\"code\""), welsh);
    }

    @Test
    void every_listed_message_has_its_welsh() {
        assertTrue(WelshProblems.WELSH.size() >= 15, "the pairs were read: " + WelshProblems.WELSH.size());
        WelshProblems.WELSH.forEach((english, welsh) -> assertTrue(!welsh.isBlank() && !welsh.equals(english), english));
        assertEquals("Dewiswch Saesneg (en) neu Gymraeg (cy)", WelshProblems.WELSH.get("Choose English (en) or Welsh (cy)"));
    }

    @Test
    void a_family_member_kept_out_of_part_of_a_meeting_reads_why_her_plan_is_hidden_in_welsh() {
        String english = Problem.of(403, "Forbidden", "Part of the conference is being held without you. You can see the plan again when it ends.").toJson();
        assertTrue(WelshProblems.inWelsh(english).contains("Mae rhan o'r cyfarfod yn cael ei chynnal hebddoch chi."), WelshProblems.inWelsh(english));
    }

    @Test
    void a_message_with_a_name_in_it_reads_in_welsh_with_the_name_kept() {
        String english = Problem.of(409, "Conflict", "Only Jess Taylor can change the email address they sign in with.")
                .withErrors(java.util.List.of(new Problem.FieldError("phone", "Enter a phone number, or choose another way to contact Ellie-Mae O'Neill")))
                .toJson();
        String welsh = WelshProblems.inWelsh(english);
        assertTrue(welsh.contains("\"detail\":\"Dim ond Jess Taylor sy'n gallu newid y cyfeiriad e-bost maen nhw'n mewngofnodi ag ef.\""), welsh);
        assertTrue(welsh.contains("neu dewiswch ffordd arall o gysylltu \u00e2 Ellie-Mae O'Neill\""), welsh);
    }

    @Test
    void a_message_with_several_gaps_fills_each_and_one_that_only_starts_alike_stays_english() {
        String english = Problem.of(409, "Conflict", "You have already sent your views 5 times for this meeting. "
                + "Tell the chair anything more at the meeting, or contact them: Priya Shah, 01234 567890").toJson();
        assertTrue(WelshProblems.inWelsh(english).contains("eisoes wedi anfon eich barn 5 gwaith ar gyfer y cyfarfod hwn. "
                + "Dywedwch unrhyw beth arall wrth y cadeirydd yn y cyfarfod, neu cysylltwch \u00e2 nhw: Priya Shah, 01234 567890"),
                WelshProblems.inWelsh(english));
        String unlisted = Problem.of(400, "Bad Request", "Only Jess Taylor can do something nobody has translated.").toJson();
        assertTrue(WelshProblems.inWelsh(unlisted).contains("Only Jess Taylor can do something nobody has translated."));
    }
}
