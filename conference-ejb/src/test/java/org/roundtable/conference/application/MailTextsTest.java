package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.family.Language;

/** The emails families and advocates get exist in Welsh, word for word as many as in English. */
class MailTextsTest {

    @Test
    void every_email_text_has_a_welsh_version_with_the_same_gaps() {
        List<String> problems = new ArrayList<>();
        for (String key : MailTexts.keys(Language.ENGLISH)) {
            if (!MailTexts.keys(Language.WELSH).contains(key)) {
                problems.add("No Welsh for " + key);
            } else if (!MailTexts.gaps(MailTexts.in(Language.ENGLISH).get(key)).equals(MailTexts.gaps(MailTexts.in(Language.WELSH).get(key)))) {
                problems.add("The Welsh for " + key + " fills other gaps than the English");
            }
        }
        MailTexts.keys(Language.WELSH).stream().filter(k -> !MailTexts.keys(Language.ENGLISH).contains(k))
                .forEach(k -> problems.add("Welsh has " + k + ", which English has not"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void a_welsh_reader_gets_their_sign_in_code_in_welsh() {
        var words = MailTexts.in(Language.WELSH);
        String subject = words.fill("code.subject", Map.of("code", "123456"));
        String body = words.fill("code.body", Map.of("code", "123456", "minutes", 10));
        assertEquals("Eich cod mewngofnodi Roundtable: 123456", subject);
        assertTrue(body.startsWith("Eich cod mewngofnodi yw:\n\n    123456\n"), body);
        assertTrue(body.contains("am 10 munud"), body);
        assertFalse(body.contains("{"), "every gap is filled: " + body);
    }

    @Test
    void english_readers_keep_the_words_they_had() {
        var words = MailTexts.in(Language.ENGLISH);
        assertEquals("Your Roundtable sign-in code: 654321", words.fill("code.subject", Map.of("code", "654321")));
        assertEquals("Your sign-in code is:\n\n    654321\n\nType it on the sign-in page. It works once and for 10 minutes, "
                + "and only until you ask for another.\nIf you did not ask for a code, you can ignore this email.\n",
                words.fill("code.body", Map.of("code", "654321", "minutes", 10)));
        assertEquals("You are invited to a meeting about your family", words.get("invitation.subject"));
    }

    @Test
    void welsh_dates_are_written_in_welsh_with_a_24_hour_clock() {
        var when = ZonedDateTime.parse("2026-12-01T10:00:00Z[Europe/London]");
        String welsh = DateTimeFormatter.ofPattern(MailTexts.in(Language.WELSH).get("meeting.when"), Language.WELSH.locale()).format(when);
        assertEquals("dydd mawrth 1 rhagfyr 2026 am 10:00", welsh.toLowerCase(Language.WELSH.locale()));
    }

    @Test
    void a_text_keeps_its_apostrophes_and_a_missing_value_is_refused() {
        assertTrue(MailTexts.in(Language.WELSH).get("meeting.whereToBeTold").contains("ble mae'r cyfarfod"));
        try {
            MailTexts.in(Language.WELSH).fill("code.subject", Map.of());
            throw new AssertionError("a gap with no value was left unfilled");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("{code}"));
        }
    }

    @Test
    void the_address_confirmation_reaches_a_reader_of_either_language_welsh_first_when_a_welsh_reader_gave_the_address() {
        var email = AddressConfirmation.to("Mari Jones", "tok-1", 7, Language.WELSH);
        assertEquals("Cadarnhewch eich cyfeiriad e-bost ar gyfer Roundtable / Confirm your email address for Roundtable", email.subject());
        String body = email.body();
        assertTrue(body.startsWith("Saesneg isod (English below)\n\nHelo Mari Jones,"), body);
        int welshLink = body.indexOf("/confirm-email?token=tok-1&lang=cy");
        int englishLink = body.indexOf("/confirm-email?token=tok-1\n");
        assertTrue(welshLink > 0 && englishLink > welshLink, "each half has its own link, the Welsh one opening the page in Welsh: " + body);
        assertTrue(body.contains("am 7 diwrnod") && body.contains("works for 7 days"), body);
        assertFalse(body.contains("{"), "every gap is filled: " + body);
    }

    @Test
    void the_address_confirmation_given_on_an_english_page_is_english_first_with_the_welsh_below() {
        var email = AddressConfirmation.to("Sam Lee", "tok-2", 7, Language.ENGLISH);
        assertTrue(email.subject().startsWith("Confirm your email address for Roundtable / "), email.subject());
        assertTrue(email.body().startsWith("Cymraeg isod (Welsh below)\n\nHello Sam Lee,"), email.body());
        assertTrue(email.body().indexOf("Helo Sam Lee,") > email.body().indexOf("token=tok-2\n"), email.body());
    }
}
