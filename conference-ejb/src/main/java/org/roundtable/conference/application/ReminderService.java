package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.command.ReminderSettingsCommand;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.plan.Action;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.persistence.DailyJobClaims;
import org.roundtable.conference.infrastructure.persistence.Settings;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.OwnerKind;

/**
 * Once a day, each owner of an action that is overdue or due within the next few days gets one
 * email listing them. An agency's actions go to its lead practitioner for the family; a family
 * member's to them. The day is claimed in the database first, so several nodes send it once.
 * Families and advocates invited to a meeting tomorrow are reminded of it too (MeetingReminders),
 * and overrides that reached their review date are closed off (OverrideReviews).
 */
@ApplicationScoped
@Transactional
public class ReminderService {

    static final String JOB = "action-reminders";
    static final String DAYS_AHEAD = "reminders.days-ahead";
    static final int DEFAULT_DAYS_AHEAD = 3;

    private static final Logger LOG = Logger.getLogger(ReminderService.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    /** What a run did: whether it ran (or had already run that day), how many emails, how many actions. */
    public record RunResult(LocalDate day, boolean ran, int emailsSent, int actions) {
    }

    public record ReminderSettings(int daysAhead) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DailyJobClaims claims;

    @Inject
    private Settings settings;

    @Inject
    private FamilyService families;

    @Inject
    private MailOutbox mail;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Clock clock;

    @Inject
    private MeetingReminders meetingReminders;

    @Inject
    private OverrideReviews overrideReviews;

    public ReminderSettings settings(Caller caller) {
        policy.requireAdministrator(caller);
        return new ReminderSettings(settings.integer(DAYS_AHEAD, DEFAULT_DAYS_AHEAD));
    }

    public ReminderSettings changeSettings(Caller caller, ReminderSettingsCommand command) {
        policy.requireAdministrator(caller);
        settings.put(DAYS_AHEAD, Integer.toString(command.daysAhead()));
        return new ReminderSettings(command.daysAhead());
    }

    /** An administrator sends today's reminders now (they go once a day, whoever asks). */
    public RunResult runToday(Caller caller) {
        policy.requireAdministrator(caller);
        return runFor(LocalDate.now(clock));
    }

    public RunResult runFor(LocalDate day) {
        int meetings = meetingReminders.remindOn(day);
        LOG.fine(() -> "Meeting reminders for " + day + ": " + meetings);
        int lapsed = overrideReviews.lapseOn(day);
        LOG.fine(() -> "Overrides lapsed by " + day + ": " + lapsed);
        boolean claimed;
        try {
            claimed = claims.claim(JOB, day, clock.instant());
        } catch (RuntimeException e) {
            // Another node inserted the same day a moment earlier (the primary key refused ours).
            LOG.fine(() -> "Reminders for " + day + " claimed elsewhere: " + e);
            claimed = false;
        }
        if (!claimed) {
            return new RunResult(day, false, 0, 0);
        }
        int daysAhead = settings.integer(DAYS_AHEAD, DEFAULT_DAYS_AHEAD);
        List<Action> due = em.createQuery("""
                select a from Action a join fetch a.goal
                where a.deleted = false and a.goal.deleted = false and a.dueOn is not null and a.dueOn <= :until
                  and a.status in :open and a.ownerKind is not null order by a.dueOn""", Action.class)
                .setParameter("until", day.plusDays(daysAhead))
                .setParameter("open", List.of(ActionStatus.PROPOSED, ActionStatus.AGREED, ActionStatus.IN_PROGRESS))
                .getResultList();
        Map<String, List<Action>> byRecipient = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Action action : due) {
            for (var recipient : recipientsOf(action, day)) {
                byRecipient.computeIfAbsent(recipient[0], k -> new ArrayList<>()).add(action);
                names.putIfAbsent(recipient[0], recipient[1]);
            }
        }
        int sent = 0;
        for (var entry : byRecipient.entrySet()) {
            try {
                mail.queue(entry.getKey(), subject(entry.getValue(), day), body(names.get(entry.getKey()), entry.getValue(), day));
                sent++;
            } catch (RuntimeException e) {
                LOG.warning(() -> "Reminder to " + entry.getKey() + " not sent: " + e.getMessage());
            }
        }
        return new RunResult(day, true, sent, due.size());
    }

    /** [email, name] of whoever is reminded of this action. */
    private List<String[]> recipientsOf(Action action, LocalDate day) {
        var owner = action.owner();
        var family = action.goal().plan().family();
        if (owner.kind() == OwnerKind.FAMILY_MEMBER) {
            FamilyMember member = em.find(FamilyMember.class, owner.id());
            // Someone who has left the household is no longer reminded of the family's plan.
            return member == null || !member.isCurrent() || member.email() == null ? List.of() : List.<String[]>of(new String[] {member.email(), member.fullName()});
        }
        return families.involvements(family.id()).stream()
                .filter(i -> i.agency().id().equals(owner.id()) && i.isActiveOn(day))
                .map(i -> new String[] {i.leadPractitioner().email(), i.leadPractitioner().fullName()}).toList();
    }

    private static String subject(List<Action> actions, LocalDate day) {
        long overdue = actions.stream().filter(a -> a.isOverdueOn(day)).count();
        return overdue > 0 ? "Roundtable: " + overdue + " of your actions " + (overdue == 1 ? "is" : "are") + " overdue"
                : "Roundtable: " + actions.size() + " of your actions " + (actions.size() == 1 ? "is" : "are") + " due soon";
    }

    private static String body(String name, List<Action> actions, LocalDate day) {
        var text = new StringBuilder("Hello " + name + ",\n\nThese actions in families' plans are yours:\n\n");
        for (Action a : actions) {
            text.append("- ").append(a.description()).append(" (").append(a.goal().plan().family().name()).append("): ")
                    .append(a.isOverdueOn(day) ? "was due " : "due ").append(DAY.format(a.dueOn())).append('\n');
        }
        text.append("\nPlease update them in Roundtable: ").append(PublicAddress.base()).append("/conferences\n\nYou get one email a day while actions are due.\n");
        return text.toString();
    }
}
