package org.roundtable.shared.plan;

/**
 * The edit that turns one text into another, as one replaced stretch between the common start
 * and end. Forms that send a whole new value (the REST API, a text box that lost its focus) are
 * turned into an edit this way, so that they merge with live typing instead of overwriting it.
 */
public final class TextDiff {

    private TextDiff() {
    }

    public static TextOperation between(String before, String after) {
        int start = 0;
        int max = Math.min(before.length(), after.length());
        while (start < max && before.charAt(start) == after.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < max - start && before.charAt(before.length() - 1 - end) == after.charAt(after.length() - 1 - end)) {
            end++;
        }
        // Never split a surrogate pair.
        if (start > 0 && Character.isHighSurrogate(before.charAt(start - 1))) {
            start--;
        }
        if (end > 0 && Character.isLowSurrogate(before.charAt(before.length() - end))) {
            end--;
        }
        return TextOperation.builder()
                .retain(start)
                .insert(after.substring(start, after.length() - end))
                .delete(before.length() - end - start)
                .retain(end)
                .build();
    }
}
