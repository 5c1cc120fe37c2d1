package org.roundtable.conference.plainwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void syllables_are_counted_as_people_say_the_words() {
        Map<String, Integer> known = Map.ofEntries(
                Map.entry("the", 1), Map.entry("cat", 1), Map.entry("plan", 1), Map.entry("child", 1), Map.entry("phone", 1),
                Map.entry("sign", 1), Map.entry("you", 1), Map.entry("your", 1), Map.entry("asked", 1), Map.entry("makes", 1),
                Map.entry("shared", 1), Map.entry("changed", 1), Map.entry("goes", 1), Map.entry("there", 1),
                Map.entry("table", 2), Map.entry("simple", 2), Map.entry("little", 2), Map.entry("people", 2),
                Map.entry("meeting", 2), Map.entry("children", 2), Map.entry("social", 2), Map.entry("worker", 2),
                Map.entry("email", 2), Map.entry("agree", 2), Map.entry("agreed", 2), Map.entry("wanted", 2),
                Map.entry("needed", 2), Map.entry("changes", 2), Map.entry("uses", 2), Map.entry("Jess's", 1),
                Map.entry("family", 3), Map.entry("services", 3), Map.entry("conference", 3), Map.entry("understand", 3),
                Map.entry("protection", 3), Map.entry("commitment", 3), Map.entry("advocate", 3), Map.entry("beautiful", 3),
                Map.entry("information", 4), Map.entry("sign-in", 2), Map.entry("2027", 1), Map.entry("7", 1));
        known.forEach((word, syllables) -> assertEquals(syllables, Syllables.count(word), word));
    }

    @Test
    void reading_ease_follows_the_english_flesch_formula() {
        // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1.
        assertEquals(116.145, PlainWords.readingEase("The cat sat on the mat."), 0.001);
        // 2 sentences, 8 words, 10 syllables (Jess 1, can 1, come 1 | the 1, meeting 2, is 1, on 1, Tuesday 2).
        assertEquals(206.835 - 1.015 * 4 - 84.6 * 10 / 8, PlainWords.readingEase("Jess can come.\nThe meeting is on Tuesday."), 0.001);
    }

    @Test
    void a_plain_page_passes() {
        assertEquals(List.of(), PlainWords.problems("a page", """
                Who can see your information
                Choose what each service can see.
                Sometimes a worker must look anyway, to keep a child safe. You will see it below, with their reason.
                Save for Riverside Health Visiting"""));
    }

    @Test
    void a_sentence_of_more_than_twenty_words_fails() {
        String longOne = "The lead professional will coordinate the agencies involved and will make sure that every agency completes its "
                + "actions before the review.";
        var problems = PlainWords.problems("the plan page", longOne);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("the plan page: a sentence of 21 words")), problems.toString());
        assertEquals(List.of(), PlainWords.problems("a page", "One two three four five six seven eight nine ten one two three four five six seven eight nine ten."));
    }

    @Test
    void hard_words_in_short_sentences_still_fail_on_reading_ease() {
        var problems = PlainWords.problems("the privacy page", "Information governance arrangements necessitate proportionate documentation.");
        assertTrue(problems.stream().anyMatch(p -> p.contains("reading ease")), problems.toString());
    }

    @Test
    void a_banned_word_fails_wherever_it_is() {
        for (String text : new String[] {"Download as data (JSON).", "Family RT-0001", "Proposed", "Sign off this action.",
                "The agency's commitment is due.", "See the ledger.", "A worker made an override."}) {
            assertTrue(!PlainWords.problems("a page", text).isEmpty(), text);
        }
        // Not a word of its own: "json" inside another word, "rt-" in lower case.
        assertEquals(List.of(), PlainWords.problems("a page", "Ask the chair, art-lover or not."));
    }

    @Test
    void a_word_explained_where_it_is_first_used_passes_and_unexplained_fails() {
        assertEquals(List.of(), PlainWords.problems("a page",
                "The next meeting is a core group meeting: a smaller meeting to check how the plan is going. The core group meets often."));
        var problems = PlainWords.problems("a page", "The next meeting is a core group meeting.");
        assertTrue(problems.stream().anyMatch(p -> p.contains("\"core group\" is not explained")), problems.toString());
    }

    @Test
    void web_and_email_addresses_are_not_words() {
        assertEquals(List.of("Open", "this"), PlainWords.words(PlainWords.sentences(
                "Open this https://roundtable.example/families/0b7f3c2e/sharing?request=1 sam.okafor@riverside.example").get(0)));
    }
}
