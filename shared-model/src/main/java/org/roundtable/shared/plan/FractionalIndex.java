package org.roundtable.shared.plan;

/**
 * Positions as strings that sort between their neighbours: moving an item writes one key and
 * never renumbers the others, so two people reordering at once cannot clash. Digits are
 * 0-9A-Za-z, compared as plain strings; a key never ends in '0', so there is always room between
 * two keys.
 */
public final class FractionalIndex {

    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();

    private FractionalIndex() {
    }

    /** A key after before (or first if null) and before after (or last if null). */
    public static String between(String before, String after) {
        if (before != null && !isValid(before) || after != null && !isValid(after)) {
            throw new IllegalArgumentException("not a position key");
        }
        if (before != null && after != null && before.compareTo(after) >= 0) {
            throw new IllegalArgumentException("the first key must sort before the second");
        }
        var key = new StringBuilder();
        boolean upperBounded = after != null;
        for (int i = 0; ; i++) {
            int low = before != null && i < before.length() ? DIGITS.indexOf(before.charAt(i)) : 0;
            int high = upperBounded && i < after.length() ? DIGITS.indexOf(after.charAt(i)) : BASE;
            if (low == high) {
                key.append(DIGITS.charAt(low));
                continue;
            }
            int mid = (low + high) / 2;
            if (mid > low) {
                key.append(DIGITS.charAt(mid));
                return key.toString();
            }
            // Adjacent digits: take the lower one; from here on any digit above before's will do.
            key.append(DIGITS.charAt(low));
            upperBounded = false;
        }
    }

    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > 64 || key.endsWith("0")) {
            return false;
        }
        return key.chars().allMatch(c -> DIGITS.indexOf(c) >= 0);
    }
}
