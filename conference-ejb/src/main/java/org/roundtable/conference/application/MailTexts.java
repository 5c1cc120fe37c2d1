package org.roundtable.conference.application;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.conference.domain.model.family.Language;

/**
 * The words of the emails a family member or advocate gets, in their language: one catalogue a
 * language, {@code mail-texts/en.properties} and {@code mail-texts/cy.properties} (UTF-8), with
 * named gaps like {@code {code}}. MessageFormat is not used: Welsh is full of apostrophes, which
 * MessageFormat would swallow. A key missing in Welsh fails {@code MailTextsTest}.
 */
public final class MailTexts {

    private static final Pattern GAP = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Map<Language, Properties> CATALOGUES = load();

    private final Language language;

    private MailTexts(Language language) {
        this.language = language;
    }

    public static MailTexts in(Language language) {
        return new MailTexts(language);
    }

    public Language language() {
        return language;
    }

    /** The text for this key, with no gaps to fill. */
    public String get(String key) {
        String text = CATALOGUES.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("No " + language.code() + " text for " + key);
        }
        return text;
    }

    /** The text for this key with its gaps filled from values ({@code {name}} from "name"). */
    public String fill(String key, Map<String, ?> values) {
        Matcher gap = GAP.matcher(get(key));
        var out = new StringBuilder();
        while (gap.find()) {
            if (!values.containsKey(gap.group(1))) {
                throw new IllegalStateException("No value for {" + gap.group(1) + "} in " + key);
            }
            gap.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(gap.group(1)))));
        }
        return gap.appendTail(out).toString();
    }

    /** Every key a language's catalogue has (for the coverage test). */
    static Set<String> keys(Language language) {
        return new TreeSet<>(CATALOGUES.get(language).stringPropertyNames());
    }

    /** The named gaps of one text (for the coverage test). */
    static Set<String> gaps(String text) {
        Set<String> names = new TreeSet<>();
        Matcher gap = GAP.matcher(text);
        while (gap.find()) {
            names.add(gap.group(1));
        }
        return names;
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String resource = "/mail-texts/" + language.code() + ".properties";
            try (var in = MailTexts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                var texts = new Properties();
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                catalogues.put(language, texts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalogues;
    }
}
