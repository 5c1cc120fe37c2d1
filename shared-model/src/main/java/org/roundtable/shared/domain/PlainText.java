package org.roundtable.shared.domain;

/**
 * Text a person typed, as the rest of the service may safely store and show it: no control
 * characters (a NUL, a bell, terminal escapes) and no bidirectional overrides or isolates (which
 * make "txt.exe" read as "exe.txt"). Tabs and line breaks are ordinary text.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The index of the first character that has no place in typed text, or -1. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isForbidden(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    public static boolean isForbidden(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
