package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every translated page draws itself in English and in Welsh from sample answers, with the
 * right lang and none of its English left in the Welsh; the live room from its socket's welcome, every line
 * of it (src/test/js/pages/every-page.mjs runs
 * the browser's modules with Node.js and a small stand-in for the DOM).
 */
class WelshPagesTest {

    @Test
    void every_translated_page_draws_itself_in_english_and_in_welsh() throws Exception {
        if (!new File("/usr/bin/node").canExecute()) {
            fail("This test runs the browser's code with Node.js: apt-get install nodejs");
        }
        Process node = new ProcessBuilder("/usr/bin/node", "--experimental-default-type=module", "src/test/js/pages/every-page.mjs")
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "Node.js finished: " + output);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.strip().endsWith("41 pages drawn"), output);
    }
}
