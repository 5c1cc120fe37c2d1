package org.roundtable.conference.application.timer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.roundtable.conference.application.ReminderService;
import org.roundtable.conference.domain.model.ServiceZone;

/**
 * Fires the daily reminders at roundtable.reminders.hour (default 7, local time) on every node;
 * the reminder service's claim in the database makes only one of them send.
 */
@Singleton
@Startup
public class ReminderTimer {

    private static final Logger LOG = Logger.getLogger(ReminderTimer.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private ReminderService reminders;

    @Inject
    private Clock clock;

    @PostConstruct
    void schedule() {
        int hour = Integer.getInteger("roundtable.reminders.hour", 7);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("roundtable.reminders.hour must be between 0 and 23, not " + hour);
        }
        var when = new ScheduleExpression().hour(hour).minute(0).timezone(ServiceZone.LOCAL.getId());
        timers.createCalendarTimer(when, new TimerConfig("daily action reminders", false));
    }

    @Timeout
    void sendTodaysReminders() {
        var result = reminders.runFor(LocalDate.now(clock));
        LOG.info(() -> result.ran() ? "Reminders for " + result.day() + ": " + result.emailsSent() + " emails about "
                + result.actions() + " actions" : "Reminders for " + result.day() + " were already sent");
    }
}
