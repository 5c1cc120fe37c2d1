package org.roundtable.shared.plan;

/**
 * Text the plan may hold: well-formed Unicode (every surrogate in a pair, so every copy encodes
 * it the same way) and no control characters but tab and newline (PostgreSQL refuses NUL, and
 * the others are invisible in every view of the plan).
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    /** Why this text may not be stored, for the person who typed it; null when it may. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "The text has half of a character (a lone UTF-16 surrogate at " + i + ").";
            }
            if (Character.isLowSurrogate(c)) {
                return "The text has half of a character (a lone UTF-16 surrogate at " + i + ").";
            }
            if (c != '\t' && c != '\n' && Character.isISOControl(c)) {
                return "The text has a control character (U+" + String.format("%04X", (int) c) + ") at " + i + ".";
            }
        }
        return null;
    }
}
