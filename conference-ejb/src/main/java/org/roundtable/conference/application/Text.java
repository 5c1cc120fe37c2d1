package org.roundtable.conference.application;

/** Optional text from a form: blank means not given. */
final class Text {

    private Text() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
