package org.roundtable.conference.application.timer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.roundtable.conference.application.CodeRequestAnswers;

/** Every two seconds, on every node, answers code requests a crash left unanswered. */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CodeRequestTimer {

    @Resource
    private TimerService timers;

    @Inject
    private CodeRequestAnswers answers;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(2000, 2000, new TimerConfig("code requests", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        answers.answerWaiting();
    }
}
