package org.roundtable.conference.domain.model.family;

import java.util.Locale;
import java.util.Optional;

/** The languages Roundtable speaks to families and advocates in, on its pages and in its emails. */
public enum Language {
    ENGLISH("en", Locale.UK),
    WELSH("cy", Locale.forLanguageTag("cy-GB"));

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The ISO 639-1 code, as stored and as in the page's lang attribute: "en" or "cy". */
    public String code() {
        return code;
    }

    /** For dates and times written in this language ("dydd Mawrth 1 Rhagfyr"). */
    public Locale locale() {
        return locale;
    }

    /** The language with this code; empty for anything else (a bad value changes nothing). */
    public static Optional<Language> ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** A stored code, which the database keeps to en or cy; English when there is none. */
    public static Language stored(String code) {
        return ofCode(code).orElse(ENGLISH);
    }
}
