package org.roundtable.conference.infrastructure.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.family.Language;

/** Every email, PDF, chart and sharing-preview text a family member or advocate reads has a Welsh version with the same gaps. */
class TextsTest {

    @Test
    void every_email_and_pdf_text_has_a_welsh_version_with_the_same_gaps() {
        List<String> problems = new ArrayList<>();
        for (String catalogue : List.of("mail-texts", "pdf-texts", "sharing-texts", "chart-texts")) {
            var english = Texts.of(catalogue, Language.ENGLISH);
            var welsh = Texts.of(catalogue, Language.WELSH);
            for (String key : english.keys()) {
                if (!welsh.keys().contains(key)) {
                    problems.add(catalogue + ": no Welsh for " + key);
                } else if (!Texts.gaps(english.get(key)).equals(Texts.gaps(welsh.get(key)))) {
                    problems.add(catalogue + ": the Welsh for " + key + " fills other gaps than the English");
                }
            }
            welsh.keys().stream().filter(k -> !english.keys().contains(k)).forEach(k -> problems.add(catalogue + ": Welsh has " + k + ", English has not"));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
