package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The browser's replica, stored before a reload and read back after it, carries on where it was (src/test/js/replica-storage.mjs). */
class BrowserReplicaStorageTest {

    @Test
    void unconfirmed_edits_survive_a_page_reload_and_are_sent_once() throws Exception {
        if (!new File("/usr/bin/node").canExecute()) {
            fail("This test runs the browser's code with Node.js: apt-get install nodejs");
        }
        Process node = new ProcessBuilder("/usr/bin/node", "src/test/js/replica-storage.mjs").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, node.exitValue(), output);
        assertEquals("ok", output.strip());
    }
}
