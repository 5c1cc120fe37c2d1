package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text a family member or advocate reads on a translated page has a Welsh version.
 *
 * <p>The rules, checked on the files themselves (no browser):
 * <ol>
 * <li>The catalogues {@code js/texts/en.js} and {@code js/texts/cy.js} hold one entry a line,
 * {@code 'key': "text",}. Every English key has a Welsh text, with the same {gaps}, except keys
 * starting {@code staff.} (staff pages are in English only); Welsh has no key English lacks.</li>
 * <li>The translated modules (the pages named in {@code TRANSLATED_PAGES} of {@code js/i18n.js},
 * and the shared modules they use: layout, forms, fields, question pages, the code form, the
 * API client, the router, the DOM helpers, the record's navigation, and the conference page's
 * reports and sign-off parts; the live room with every module of js/live) write no English themselves: none of
 * their string or template literals (comments aside; the static parts of templates) holds
 * prose, meaning two words in a row (letters only, an ending full stop or comma allowed) or one
 * capitalised word ("Phone"). The few literals that look like words but are not (the
 * service's name, a CSS selector) are listed in {@link #NOT_PROSE}. The shell page (shell.html) is what shows before JavaScript runs and
 * is not checked; the layout writes its words over it.</li>
 * <li>Every key such a module asks for with {@code t('key')} or {@code tIn(lang, 'key')} is in
 * the English catalogue.</li>
 * </ol>
 */
class WelshCoverageTest {

    private static final Path JS = Path.of("src/main/webapp/js");
    private static final List<String> SHARED_MODULES = List.of("layout.js", "forms.js", "codeform.js", "api.js", "main.js",
            "dom.js", "fields.js", "questions.js", "pages/record-nav.js", "pages/reports.js", "pages/sign-off.js");
    private static final Set<String> NOT_PROSE = Set.of("Roundtable", "input, select, textarea", "noopener noreferrer");
    /** A page that draws with modules of its own folder: each of them is checked with it. */
    private static final Map<String, String> PAGE_FOLDERS = Map.of("live", "live");
    /**
     * In a page's own modules, words for developers only: a call's trace (live/media.js, printed when a call test
     * fails) and a broken rule of the plan's replica (thrown inside the socket's handlers, never shown).
     */
    private static final Pattern DEVELOPERS_ONLY = Pattern.compile("\\bthis\\.trace\\(|\\bthrow new Error\\(");
    private static final Pattern ENTRY = Pattern.compile("^\\s*'([A-Za-z0-9_.]+)': \"((?:[^\"\\\\]|\\\\.)*)\",\\s*$");
    private static final Pattern GAP = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z\\u00C0-\\u017F\\u2019']+[.,:;?!]?");
    private static final Pattern CAPITALISED = Pattern.compile("[A-Z][a-z\\u00C0-\\u017F]+[.,:;?!]?");
    private static final Pattern KEY_ASKED = Pattern.compile("\\bt(?:In\\([^,()]+,\\s*|\\()'([A-Za-z0-9_.]+)'");

    @Test
    void every_english_text_of_a_family_facing_page_has_a_welsh_text() throws IOException {
        Map<String, String> english = catalogue("texts/en.js");
        Map<String, String> welsh = catalogue("texts/cy.js");
        List<String> problems = new ArrayList<>();
        english.forEach((key, text) -> {
            if (key.startsWith("staff.")) {
                return;
            }
            if (!welsh.containsKey(key)) {
                problems.add("No Welsh for " + key + " (\"" + text + "\")");
            } else if (!gaps(text).equals(gaps(welsh.get(key)))) {
                problems.add("The Welsh for " + key + " has the gaps " + gaps(welsh.get(key)) + ", the English " + gaps(text));
            }
        });
        welsh.keySet().stream().filter(key -> !english.containsKey(key) || key.startsWith("staff."))
                .forEach(key -> problems.add("Welsh has " + key + ", which English has not (or which is a staff text)"));
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void a_translated_page_writes_no_english_of_its_own() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : translatedModules()) {
            String[] lines = read(module).split("\n", -1);
            boolean pagesOwn = PAGE_FOLDERS.values().stream().anyMatch(folder -> module.startsWith(folder + "/"));
            for (Literal literal : literals(read(module))) {
                if (isProse(literal.text()) && !(pagesOwn && DEVELOPERS_ONLY.matcher(lines[literal.line() - 1]).find())) {
                    problems.add(module + ":" + literal.line() + " writes \"" + literal.text() + "\" itself: put it in texts/en.js and texts/cy.js");
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void every_text_a_translated_page_asks_for_exists() throws IOException {
        Set<String> english = catalogue("texts/en.js").keySet();
        List<String> problems = new ArrayList<>();
        for (String module : translatedModules()) {
            Matcher asked = KEY_ASKED.matcher(read(module));
            while (asked.find()) {
                if (!english.contains(asked.group(1))) {
                    problems.add(module + " asks for " + asked.group(1) + ", which texts/en.js has not");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The rule itself: what counts as prose, and what does not. */
    @Test
    void prose_is_told_from_code() {
        assertTrue(isProse("Sign in"));
        assertTrue(isProse("Phone"));
        assertTrue(isProse("Not there? Check your junk folder, or "));
        assertTrue(isProse(" Overdue"));
        assertEquals(false, isProse("govuk-button govuk-button--secondary"));
        assertEquals(false, isProse("family.caption"));
        assertEquals(false, isProse("submit"));
        assertEquals(false, isProse("/families/"));
        assertEquals(false, isProse("ADMINISTRATOR"));
        assertEquals(false, isProse("Roundtable"));
        assertEquals(List.of("a ", "c d", " b"), literals("x(`a ${y(`c d`)} b`) // 'not me'\n/* \"nor me\" */").stream().map(Literal::text).toList());
    }

    static boolean isProse(String text) {
        if (NOT_PROSE.contains(text)) {
            return false;
        }
        String[] tokens = text.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            boolean word = WORD.matcher(tokens[i]).matches();
            if (word && i + 1 < tokens.length && WORD.matcher(tokens[i + 1]).matches()) {
                return true;
            }
            if (tokens.length == 1 && CAPITALISED.matcher(tokens[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> translatedModules() throws IOException {
        Matcher pages = Pattern.compile("TRANSLATED_PAGES = new Set\\(\\[([^\\]]*)]\\)").matcher(read("i18n.js"));
        assertTrue(pages.find(), "i18n.js names its translated pages in TRANSLATED_PAGES");
        List<String> modules = new ArrayList<>(SHARED_MODULES);
        Matcher name = Pattern.compile("'([a-z/-]+)'").matcher(pages.group(1));
        while (name.find()) {
            modules.add("pages/" + name.group(1) + ".js");
            String folder = PAGE_FOLDERS.get(name.group(1));
            if (folder != null) {
                try (var files = Files.list(JS.resolve(folder))) {
                    files.map(f -> folder + "/" + f.getFileName()).filter(f -> f.endsWith(".js")).sorted().forEach(modules::add);
                }
            }
        }
        assertTrue(modules.contains("pages/family.js"), "the family's own page is translated: " + modules);
        assertTrue(modules.contains("live/media.js"), "the live room is translated, with its call: " + modules);
        return modules;
    }

    private static Map<String, String> catalogue(String file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(JS.resolve(file), StandardCharsets.UTF_8);
        boolean inside = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("export default {")) {
                inside = true;
            } else if (line.startsWith("};")) {
                inside = false;
            } else if (inside && !line.isBlank() && !line.strip().startsWith("//")) {
                Matcher entry = ENTRY.matcher(line);
                assertTrue(entry.matches(), file + ":" + (i + 1) + " is not one 'key': \"text\", entry: " + line);
                assertTrue(entries.put(entry.group(1), entry.group(2)) == null, file + " has " + entry.group(1) + " twice");
            }
        }
        assertTrue(entries.size() > 50, file + " was read: " + entries.size() + " entries");
        return entries;
    }

    private static Set<String> gaps(String text) {
        Set<String> names = new TreeSet<>();
        Matcher gap = GAP.matcher(text);
        while (gap.find()) {
            names.add(gap.group(1));
        }
        return names;
    }

    private static String read(String module) throws IOException {
        return Files.readString(JS.resolve(module), StandardCharsets.UTF_8);
    }

    record Literal(String text, int line) {
    }

    /** The string literals of a module, and the static parts of its template literals; comments skipped. */
    static List<Literal> literals(String source) {
        List<Literal> found = new ArrayList<>();
        new Scanner(source, found).code(false);
        return found;
    }

    /** A small JavaScript scanner: enough to tell strings and templates from code and comments. */
    private static final class Scanner {
        private final String s;
        private final List<Literal> found;
        private int i;

        Scanner(String source, List<Literal> found) {
            this.s = source;
            this.found = found;
        }

        /** Code until the end, or (inside a template's ${…}) until its closing brace. */
        void code(boolean untilBrace) {
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else if (c == '\'' || c == '"') {
                    string(c);
                } else if (c == '`') {
                    template();
                } else if (c == '{') {
                    depth++;
                    i++;
                } else if (c == '}') {
                    i++;
                    if (untilBrace && depth-- == 0) {
                        return;
                    }
                } else {
                    i++;
                }
            }
        }

        private void string(char quote) {
            int start = ++i;
            var text = new StringBuilder();
            while (i < s.length() && s.charAt(i) != quote) {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                text.append(s.charAt(i++));
            }
            i++;
            found.add(new Literal(text.toString(), line(start)));
        }

        private void template() {
            int start = ++i;
            var text = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '`') {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    text.append(s.charAt(i + 1));
                    i += 2;
                } else if (s.startsWith("${", i)) {
                    found.add(new Literal(text.toString(), line(start)));
                    text.setLength(0);
                    i += 2;
                    code(true);
                    start = i;
                } else {
                    text.append(s.charAt(i++));
                }
            }
            i++;
            found.add(new Literal(text.toString(), line(start)));
        }

        private int line(int at) {
            int line = 1;
            for (int k = 0; k < at; k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
