package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On a poor connection the call goes to voice only, and not for a moment's trouble (src/test/js/link-quality.mjs). */
class BrowserLinkQualityTest {

    @Test
    void on_a_poor_connection_video_goes_only_after_several_poor_looks_in_a_row() throws Exception {
        if (!new File("/usr/bin/node").canExecute()) {
            fail("This test runs the browser's code with Node.js: apt-get install nodejs");
        }
        Process node = new ProcessBuilder("/usr/bin/node", "src/test/js/link-quality.mjs").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, node.exitValue(), output);
        assertEquals("ok", output.strip());
    }
}
