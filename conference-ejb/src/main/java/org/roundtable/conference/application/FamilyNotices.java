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
import org.roundtable.conference.infrastructure.text.Texts;
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

    @Inject
    private PersonLanguages languages;

    /** What the newcomer is to the family (the email says it in each reader's language), and the name of the audit event. */
    public enum Newcomer {
        FAMILY_MEMBER("FAMILY_MEMBER_ADDED"),
        ADVOCATE("ADVOCATE_ADDED");

        final String event;

        Newcomer(String event) {
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
            // Each member in their own language.
            var words = MailTexts.in(languages.of(CallerKind.FAMILY_MEMBER, address.callerId()));
            mail.queue(address.email(), words.get("added.subject"), words.fill("added.body", Texts.values("by", by.displayName(), "name", name,
                    "as", words.get(as == Newcomer.ADVOCATE ? "added.advocate" : "added.member"),
                    "link", PublicAddress.base() + "/families/" + familyId + "/access-log")));
        }
    }
}
