package org.roundtable.conference.infrastructure.mail;

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

/** Every second, on every node, sends what is due in the outbox: retries, and anything a crash left behind. */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailOutboxTimer {

    @Resource
    private TimerService timers;

    @Inject
    private MailDelivery delivery;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig("mail outbox", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        delivery.deliverDue();
    }
}
