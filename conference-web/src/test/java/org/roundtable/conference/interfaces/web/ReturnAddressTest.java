package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pages' ?next= after signing in goes only to a page of this site (src/test/js/return-address.mjs). */
class ReturnAddressTest {

    @Test
    void a_sign_in_link_cannot_send_the_person_who_signs_in_to_another_website() throws Exception {
        if (!new File("/usr/bin/node").canExecute()) {
            fail("This test runs the browser's code with Node.js: apt-get install nodejs");
        }
        Process node = new ProcessBuilder("/usr/bin/node", "src/test/js/return-address.mjs").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, node.exitValue(), output);
        assertEquals("ok", output.strip());
    }
}
