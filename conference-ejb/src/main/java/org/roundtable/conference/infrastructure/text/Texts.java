package org.roundtable.conference.infrastructure.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.conference.domain.model.family.Language;

/**
 * One catalogue of words in one language: {@code /<catalogue>/<en|cy>.properties} on the class
 * path (UTF-8), with named gaps like {@code {code}} filled by name. MessageFormat is not used:
 * Welsh is full of apostrophes, which MessageFormat would swallow. The emails ({@code
 * mail-texts}) and the PDFs ({@code pdf-texts}) each have one; tests check every English key has
 * a Welsh text with the same gaps (decision record 13).
 */
public final class Texts {

    /** A gap in a text: {name}. */
    public static final Pattern GAP = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

    private final String catalogue;
    private final Language language;
    private final Properties words;

    private Texts(String catalogue, Language language) {
        this.catalogue = catalogue;
        this.language = language;
        this.words = LOADED.computeIfAbsent(catalogue + "/" + language.code(), Texts::load);
    }

    public static Texts of(String catalogue, Language language) {
        return new Texts(catalogue, language);
    }

    public Language language() {
        return language;
    }

    /** The text for this key, with no gaps to fill. */
    public String get(String key) {
        String text = words.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("No " + language.code() + " text for " + key + " in " + catalogue);
        }
        return text;
    }

    /** The text for this key with its gaps filled from values ({@code {name}} from "name"). */
    public String fill(String key, Map<String, ?> values) {
        return fillGaps(get(key), values, key);
    }

    /**
     * Any text's {@code {name}} gaps filled from values in one pass, so a value that itself
     * looks like a gap is left as written. Also for the server's messages in Welsh.
     */
    public static String fillGaps(String text, Map<String, ?> values, String where) {
        Matcher gap = GAP.matcher(text);
        var out = new StringBuilder();
        while (gap.find()) {
            if (!values.containsKey(gap.group(1))) {
                throw new IllegalStateException("No value for {" + gap.group(1) + "} in " + where);
            }
            gap.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(gap.group(1)))));
        }
        return gap.appendTail(out).toString();
    }

    /**
     * Gap values from name, value pairs; a missing value reads "null", as string concatenation
     * wrote it (Map.of refuses nulls).
     */
    public static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        return values;
    }

    /** Every key of this catalogue in this language (for the coverage tests). */
    public Set<String> keys() {
        return new TreeSet<>(words.stringPropertyNames());
    }

    /** The named gaps of one text (for the coverage tests). */
    public static Set<String> gaps(String text) {
        Set<String> names = new TreeSet<>();
        Matcher gap = GAP.matcher(text);
        while (gap.find()) {
            names.add(gap.group(1));
        }
        return names;
    }

    private static Properties load(String name) {
        String resource = "/" + name + ".properties";
        try (var in = Texts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            var texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
