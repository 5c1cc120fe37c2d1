package org.roundtable.conference.plainwords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The house rules for what a family reads, checked on the words as shown: no sentence longer
 * than {@value #MOST_WORDS_IN_A_SENTENCE} words, a Flesch reading ease of at least
 * {@value #LEAST_READING_EASE} for the whole text, and no word from {@link Jargon} unless the
 * text explains it where it is first used. Headings, labels, list items and table cells end a
 * sentence where their line or cell ends. Web and email addresses are not words.
 */
public final class PlainWords {

    public static final int MOST_WORDS_IN_A_SENTENCE = 20;
    public static final double LEAST_READING_EASE = 70;

    private static final Pattern ADDRESSES = Pattern.compile("(https?://\\S+|\\S+@\\S+\\.\\S+|/[a-z][a-z0-9/?=&._%-]*)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"”’)]?\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private PlainWords() {
    }

    /** Every sentence of the text: each line, split after a full stop, question or exclamation mark. */
    public static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : ADDRESSES.matcher(text).replaceAll(" ").split("\\R|\\t")) {
            for (String sentence : SENTENCE_END.split(line.strip())) {
                if (!words(sentence).isEmpty()) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    public static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Flesch reading ease, the English formula: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. */
    public static double readingEase(String text) {
        List<String> sentences = sentences(text);
        int words = 0;
        int syllables = 0;
        for (String sentence : sentences) {
            for (String word : words(sentence)) {
                words++;
                syllables += Syllables.count(word);
            }
        }
        if (words == 0) {
            return 100;
        }
        return 206.835 - 1.015 * ((double) words / sentences.size()) - 84.6 * ((double) syllables / words);
    }

    /** What breaks the rules in this text, each problem one line naming where it is ("the sharing page"); none when it is plain. */
    public static List<String> problems(String where, String text) {
        List<String> problems = new ArrayList<>();
        for (String sentence : sentences(text)) {
            int n = words(sentence).size();
            if (n > MOST_WORDS_IN_A_SENTENCE) {
                problems.add(where + ": a sentence of " + n + " words (at most " + MOST_WORDS_IN_A_SENTENCE + "): \"" + sentence + "\"");
            }
        }
        double ease = readingEase(text);
        if (ease < LEAST_READING_EASE) {
            problems.add(where + ": reading ease " + String.format(Locale.ROOT, "%.1f", ease) + " (at least " + LEAST_READING_EASE + ")");
        }
        problems.addAll(Jargon.unexplained(where, ADDRESSES.matcher(text).replaceAll(" ")));
        return problems;
    }
}
