package org.roundtable.conference.plainwords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a family should not have to look up: the one list. Some are never shown to a family
 * (system words, staff shorthand); others may be used when the text explains them close to
 * their first use, with the plain words given here (earlier on the page, or within a few lines after).
 */
public final class Jargon {

    /** Never in family-facing text: the plain word is shown instead. */
    public static final List<String> BANNED = List.of(
            "commitment", "JSON", "RT-", "Proposed", "Sign off", "Signing off", "signed off", "ledger", "disclosure",
            "override", "overridden", "dissent", "lawful basis", "statutory", "practitioner", "involvement", "timescale",
            "multi-agency", "escalat", "threshold", "data subject", "data controller", "processing", "pursuant", "hereby",
            "in accordance with", "notwithstanding", "utilise", "facilitate", "collaborat", "stakeholder", "protocol");

    /** Allowed once explained: the word, and the plain words that must be near its first use. */
    public static final Map<String, String> EXPLAINED = Map.of(
            "core group", "a smaller meeting to check how the plan is going",
            "public task", "work the law gives",
            "vital interests", "to protect someone",
            "Information Commissioner", "checks that organisations",
            "ICO", "Information Commissioner",
            "child protection plan", "a plan to keep",
            "cookie", "small file");

    /** How soon (in characters) after the word's first use its explanation must come, when it does not come before. */
    static final int NEAR = 240;

    private Jargon() {
    }

    static List<String> unexplained(String where, String text) {
        List<String> problems = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : BANNED) {
            Matcher m = wordPattern(word).matcher(text);
            if (m.find()) {
                problems.add(where + ": \"" + word + "\" in \"" + around(text, m.start()) + "\"");
            }
        }
        EXPLAINED.forEach((word, explanation) -> {
            Matcher m = wordPattern(word).matcher(text);
            if (m.find()) {
                // Explained earlier on the page, or just after this first use.
                int to = Math.min(text.length(), m.end() + NEAR);
                if (!lower.substring(0, to).contains(explanation.toLowerCase(Locale.ROOT))) {
                    problems.add(where + ": \"" + word + "\" is not explained near its first use (with \"" + explanation + "\"): \""
                            + around(text, m.start()) + "\"");
                }
            }
        });
        return problems;
    }

    /** The word at the start of a word; case matters only for short capitals ("ICO", "JSON") and "RT-". */
    private static Pattern wordPattern(String word) {
        boolean exactCase = word.equals(word.toUpperCase(Locale.ROOT)) && word.length() <= 4 || word.endsWith("-");
        String start = Character.isLetterOrDigit(word.charAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
        String end = exactCase && !word.endsWith("-") ? "(?![\\p{L}])" : "";
        return Pattern.compile(start + Pattern.quote(word) + end, exactCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + 60);
        return text.substring(from, to).replaceAll("\\s+", " ").strip();
    }
}
