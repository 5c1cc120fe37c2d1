package org.roundtable.conference.plainwords;

import java.util.Locale;
import java.util.Map;

/**
 * Counts the syllables of an English word the way a reader says it, closely enough for a
 * reading-ease score: groups of vowels, less a silent final "e", "-es" and "-ed" that are not
 * said, and a few common words the rules get wrong.
 */
public final class Syllables {

    private static final Map<String, Integer> EXCEPTIONS = Map.ofEntries(
            Map.entry("area", 3), Map.entry("idea", 3), Map.entry("create", 2), Map.entry("created", 3),
            Map.entry("being", 2), Map.entry("every", 2), Map.entry("everyone", 3), Map.entry("business", 2),
            Map.entry("ion", 2), Map.entry("science", 2), Map.entry("going", 2), Map.entry("doing", 2),
            Map.entry("seeing", 2), Map.entry("someone", 2), Map.entry("sometimes", 2), Map.entry("quiet", 2),
            Map.entry("via", 2), Map.entry("piano", 3), Map.entry("whole", 1), Map.entry("here", 1), Map.entry("there", 1),
            Map.entry("where", 1), Map.entry("were", 1), Map.entry("more", 1), Map.entry("before", 2), Map.entry("therefore", 2));

    private Syllables() {
    }

    /** The syllables of one word; a numeral is read at a glance, so it counts as one; "sign-in" counts its parts. */
    public static int count(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[’'`]", "");
        if (w.chars().anyMatch(Character::isDigit)) {
            return 1;
        }
        if (w.contains("-")) {
            int sum = 0;
            for (String part : w.split("-+")) {
                sum += part.isEmpty() ? 0 : count(part);
            }
            return Math.max(1, sum);
        }
        w = w.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        if (EXCEPTIONS.containsKey(w)) {
            return EXCEPTIONS.get(w);
        }
        if (w.length() <= 3) {
            return 1;
        }
        int syllables = vowelGroups(w);
        if (w.endsWith("e") && !w.endsWith("ee") && !w.endsWith("le") || w.endsWith("le") && isVowel(w, w.length() - 3)) {
            syllables--;
        } else if (w.endsWith("es") && !w.endsWith("ees") && !endsWithHissing(w.substring(0, w.length() - 2))) {
            syllables--;
        } else if (w.endsWith("ed") && !w.endsWith("eed") && !w.endsWith("ted") && !w.endsWith("ded")) {
            syllables--;
        }
        return Math.max(1, syllables);
    }

    private static int vowelGroups(String w) {
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = isVowel(w, i) && !(i == 0 && w.charAt(i) == 'y');
            if (vowel && !inGroup) {
                groups++;
            }
            inGroup = vowel;
        }
        return groups;
    }

    private static boolean isVowel(String w, int i) {
        return i >= 0 && i < w.length() && "aeiouy".indexOf(w.charAt(i)) >= 0;
    }

    /** "changes", "uses", "boxes", "matches": the "es" is said after these sounds. */
    private static boolean endsWithHissing(String stem) {
        return stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("z") || stem.endsWith("ch") || stem.endsWith("sh")
                || stem.endsWith("g") || stem.endsWith("c");
    }
}
