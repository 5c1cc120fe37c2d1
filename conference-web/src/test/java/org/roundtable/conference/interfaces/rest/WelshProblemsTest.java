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
}
