package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.persistence.DailyJobClaims;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InvitationStatus;

/**
 * The day before a meeting, each family member and advocate who was invited (and has not said
 * they cannot come) gets a reminder: when, where and how, with the calendar file. Runs with the
 * daily reminders and claims its own day, so several nodes send it once.
 */
@ApplicationScoped
@Transactional
public class MeetingReminders {

    static final String JOB = "meeting-reminders";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PersonLanguages languages;

    @Inject
    private DailyJobClaims claims;

    @Inject
    private MailOutbox mail;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Clock clock;

    /** Reminders for meetings on the day after this one; the number of emails sent (0 if already run). */
    public int remindOn(LocalDate day) {
        if (!claimed(day)) {
            return 0;
        }
        LocalDate tomorrow = day.plusDays(1);
        var from = tomorrow.atStartOfDay(ClockProducer.LOCAL_ZONE).toInstant();
        var until = tomorrow.plusDays(1).atStartOfDay(ClockProducer.LOCAL_ZONE).toInstant();
        var meetings = em.createQuery("""
                select c from Conference c where c.status = :scheduled and c.scheduledStart >= :from and c.scheduledStart < :until""",
                Conference.class).setParameter("scheduled", ConferenceStatus.SCHEDULED).setParameter("from", from)
                .setParameter("until", until).getResultList();
        int sent = 0;
        for (Conference c : meetings) {
            for (Invitee invitee : c.invitees()) {
                if (invitee.role().joinsByInvitation() && invitee.wasInvited() && invitee.status() != InvitationStatus.CANT_COME
                        && invitee.email() != null && policy.mayBeToldAbout(invitee)) {
                    // Queueing only writes a row in this transaction: the outbox retries any failed send.
                    // In the person's own language (English or Welsh).
                    Language language = languages.of(invitee.personKind(), invitee.personId());
                    var words = MailTexts.in(language);
                    mail.queue(invitee.email(), words.fill("reminder.subject", Texts.values("when", MeetingLetter.when(c, language))),
                            words.fill("reminder.body", Texts.values("name", invitee.displayName(), "details", MeetingLetter.details(c, language),
                                    "base", PublicAddress.base())),
                            java.util.List.of(MeetingLetter.calendarAttachment(c, clock.instant(), language)));
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean claimed(LocalDate day) {
        try {
            return claims.claim(JOB, day, clock.instant());
        } catch (RuntimeException e) {
            // Another node claimed the same day a moment earlier.
            return false;
        }
    }
}
