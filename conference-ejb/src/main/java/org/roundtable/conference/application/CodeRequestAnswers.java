package org.roundtable.conference.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Answers code requests on a managed thread, never the request's: straight after each commit
 * that recorded one and, for anything a crash left behind, whenever CodeRequestTimer ticks.
 * One run at a time per node; a call during a run makes it go round once more.
 */
@ApplicationScoped
public class CodeRequestAnswers {

    private static final Logger LOG = Logger.getLogger(CodeRequestAnswers.class.getName());
    private static final int BATCH = 50;
    private static final int MAX_ROUNDS = 20;

    @Inject
    private CodeRequests requests;

    @Resource
    private ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) CodeRequests.CodeRequested requested) {
        executor.execute(this::answerWaiting);
    }

    public void answerWaiting() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                // Batch after batch while they come full (a burst of requests), up to a bound per run.
                for (int round = 0; round < MAX_ROUNDS; round++) {
                    var batch = requests.waiting(BATCH);
                    batch.forEach(this::answer);
                    if (batch.size() < BATCH) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Code requests could not be read: " + e);
            } finally {
                running.set(false);
            }
        }
    }

    private void answer(java.util.UUID id) {
        try {
            requests.answer(id);
        } catch (RuntimeException e) {
            // Another node answered it at the same moment, or the database was briefly away: the timer tries again.
            LOG.fine(() -> "Code request " + id + " not answered now: " + e);
        }
    }
}
