package org.roundtable.conference.application;

import java.util.Map;
import java.util.Set;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.text.Texts;

/**
 * The words of the emails a family member or advocate gets, in their language: the catalogues
 * {@code mail-texts/en.properties} and {@code mail-texts/cy.properties} (see {@link Texts}). A
 * key missing in Welsh fails {@code MailTextsTest}.
 */
public final class MailTexts {

    private final Texts texts;

    private MailTexts(Language language) {
        this.texts = Texts.of("mail-texts", language);
    }

    public static MailTexts in(Language language) {
        return new MailTexts(language);
    }

    public Language language() {
        return texts.language();
    }

    /** The text for this key, with no gaps to fill. */
    public String get(String key) {
        return texts.get(key);
    }

    /** The text for this key with its gaps filled from values ({@code {name}} from "name"). */
    public String fill(String key, Map<String, ?> values) {
        return texts.fill(key, values);
    }

    /** Every key a language's catalogue has (for the coverage test). */
    static Set<String> keys(Language language) {
        return Texts.of("mail-texts", language).keys();
    }

    /** The named gaps of one text (for the coverage test). */
    static Set<String> gaps(String text) {
        return Texts.gaps(text);
    }
}
