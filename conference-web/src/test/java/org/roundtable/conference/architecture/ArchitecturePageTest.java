package org.roundtable.conference.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture page's layer table is where a newcomer finds what each package is for: it
 * names every package that holds code, and nothing that no longer exists.
 */
class ArchitecturePageTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Path ROOT_PACKAGE = Path.of("org", "roundtable", "conference");
    /** A package cell: `a.b`, or `a.{b,c}` for several under one parent. */
    private static final Pattern PACKAGE_CELL = Pattern.compile("`([a-z.]+?)(?:\\.\\{([a-z,]+)\\})?`");

    @Test
    void the_layer_table_names_every_package_that_holds_code_and_no_other() throws IOException {
        Set<String> inCode = packagesWithCode();
        Set<String> inTable = packagesInLayerTable();
        assertTrue(inCode.size() > 20, "the packages were found under " + PROJECT + ": " + inCode);
        Set<String> missing = new TreeSet<>(inCode);
        missing.removeAll(inTable);
        Set<String> gone = new TreeSet<>(inTable);
        gone.removeAll(inCode);
        assertEquals(Set.of(), missing, "packages docs/architecture.md's layer table does not name");
        assertEquals(Set.of(), gone, "packages the layer table names that hold no code");
    }

    private static Set<String> packagesWithCode() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (String module : new String[] {"conference-ejb", "conference-web"}) {
            Path base = PROJECT.resolve(module).resolve("src/main/java").resolve(ROOT_PACKAGE);
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.toString().endsWith(".java")).map(f -> base.relativize(f.getParent()))
                        .map(dir -> dir.toString().replace(java.io.File.separatorChar, '.'))
                        .forEach(packages::add);
            }
        }
        return packages;
    }

    private static Set<String> packagesInLayerTable() throws IOException {
        String page = Files.readString(PROJECT.resolve("docs/architecture.md"));
        int start = page.indexOf("| layer | package | what lives there |");
        assertTrue(start >= 0, "docs/architecture.md has its layer table");
        int end = page.indexOf("\n\n", start);
        Set<String> packages = new TreeSet<>();
        for (String row : page.substring(start, end).split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 3 || cells[2].isBlank() || cells[2].contains("---") || cells[2].contains("package")) {
                continue;
            }
            Matcher m = PACKAGE_CELL.matcher(cells[2]);
            while (m.find()) {
                if (m.group(2) == null) {
                    packages.add(m.group(1));
                } else {
                    for (String child : m.group(2).split(",")) {
                        packages.add(m.group(1) + "." + child);
                    }
                }
            }
        }
        return packages;
    }
}
