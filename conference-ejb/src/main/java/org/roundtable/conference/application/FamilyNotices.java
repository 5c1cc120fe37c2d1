package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.infrastructure.audit.AuditLog;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.shared.domain.CallerKind;

/**
 * Someone new can see the family's record: the family is told by email (every member who signs
 * in with a confirmed address) and the audit log keeps who added whom. Nobody joins a family
 * quietly.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FamilyNotices {

    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** What the newcomer is to the family, in the words of the email and the name of the audit event. */
    public enum Newcomer {
        FAMILY_MEMBER("a member of your family", "FAMILY_MEMBER_ADDED"),
        ADVOCATE("your family's advocate", "ADVOCATE_ADDED");

        final String words;
        final String event;

        Newcomer(String words, String event) {
            this.words = words;
            this.event = event;
        }
    }

    public void added(Caller by, UUID familyId, Newcomer as, UUID subjectId, UUID personId, String name, String email) {
        audit.record(by, new AuditLog.Event(as.event, familyId, subjectId, JSON.createObjectBuilder()
                .add("name", name).add("email", email == null ? "" : email).build().toString()), clock.instant());
        var addresses = em.createQuery("""
                select a from SignInAddress a, FamilyMember m
                where a.callerKind = :k and a.callerId = m.id and m.family.id = :f and a.confirmedAt is not null and m.id <> :newcomer""",
                SignInAddress.class).setParameter("k", CallerKind.FAMILY_MEMBER).setParameter("f", familyId)
                .setParameter("newcomer", personId).getResultList();
        for (var address : addresses) {
            mail.queue(address.email(), "Roundtable: someone was added to your family's record",
                    by.displayName() + " added " + name + " as " + as.words + " on Roundtable.\n"
                            + "They can now see your family's record, its plan and its meetings once they sign in.\n\n"
                            + "If this is wrong, tell your lead worker or the chair of your next meeting straight away.\n"
                            + "You can see who looked at your record here: " + PublicAddress.base() + "/families/" + familyId + "/access-log\n");
        }
    }
}
