package org.roundtable.conference.it;

import java.util.concurrent.TimeUnit;

/** The tests' own external programs (HAProxy, coturn), stopped as an operator stops them. */
final class ExternalProcesses {

    /** How long a program has to stop by itself before it is killed. */
    static final int GRACE_SECONDS = 5;

    private ExternalProcesses() {
    }

    /** Asks the program to stop (SIGTERM) and, if it has not within five seconds, kills it (SIGKILL). */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
