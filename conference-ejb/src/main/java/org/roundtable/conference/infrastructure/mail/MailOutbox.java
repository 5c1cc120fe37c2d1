package org.roundtable.conference.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where the application hands over an email. It is stored with the change that caused it and
 * goes out after that change commits (see {@link MailDelivery}): a request never waits for the
 * mail server, so a slow or absent mail server neither fails the request nor shows in its timing.
 */
@ApplicationScoped
public class MailOutbox {

    /** Fired when an email was queued; delivery starts as soon as the transaction has committed. */
    public record MailQueued() {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<MailQueued> queued;

    @Transactional
    public void queue(String to, String subject, String body) {
        queue(to, subject, body, (Instant) null);
    }

    /** An email with files (a calendar entry, say), kept with it until it is sent. */
    @Transactional
    public void queue(String to, String subject, String body, List<MailSender.Attachment> files) {
        em.persist(new OutboxMail(to, subject, body, clock.instant(), null, files));
        queued.fire(new MailQueued());
    }

    /** An email that is worthless after a moment (a sign-in code): dropped rather than sent late. */
    @Transactional
    public void queue(String to, String subject, String body, Instant uselessAfter) {
        em.persist(new OutboxMail(to, subject, body, clock.instant(), uselessAfter));
        queued.fire(new MailQueued());
    }
}
