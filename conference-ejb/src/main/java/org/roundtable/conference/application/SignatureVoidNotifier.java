package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.persistence.VoidedSignature;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.CallerKind;

/** Tells each signer whose signature an edit voided, and asks them to sign again. Off the edit's path. */
@ApplicationScoped
public class SignatureVoidNotifier {

    private static final Logger LOG = Logger.getLogger(SignatureVoidNotifier.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    void onVoided(@ObservesAsync SignaturesVoided voided) {
        String url = PublicAddress.base();
        for (VoidedSignature s : voided.signatures()) {
            FamilyMember member = s.signerKind() == CallerKind.FAMILY_MEMBER ? em.find(FamilyMember.class, s.signerId()) : null;
            String email = s.signerKind() == CallerKind.STAFF ? em.find(StaffMember.class, s.signerId()).email()
                    : member != null ? member.email() : null;
            if (email == null) {
                continue;
            }
            try {
                // A family member reads it in their own language; staff in English.
                var words = MailTexts.in(member != null ? member.language() : Language.ENGLISH);
                mail.queue(email, words.get("signAgain.subject"), words.fill("signAgain.body", Texts.values("name", s.signerName(),
                        "by", voided.changedBy(), "link", url + "/conferences/" + s.conferenceId())));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not tell " + s.signerName() + " about a voided signature: " + e.getMessage());
            }
        }
    }
}
