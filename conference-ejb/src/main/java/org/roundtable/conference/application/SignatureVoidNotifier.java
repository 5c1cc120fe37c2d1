package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.persistence.PlanStore.VoidedSignature;
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
            String email = s.signerKind() == CallerKind.STAFF
                    ? em.find(StaffMember.class, s.signerId()).email()
                    : s.signerKind() == CallerKind.FAMILY_MEMBER ? em.find(FamilyMember.class, s.signerId()).email() : null;
            if (email == null) {
                continue;
            }
            try {
                mail.queue(email, "Roundtable: please sign again", "Hello " + s.signerName() + ",\n\n"
                        + voided.changedBy() + " changed an action you had signed off, so your signature no longer counts.\n"
                        + "Please read the action again and sign it if you still agree:\n" + url + "/conferences/" + s.conferenceId()
                        + "\n");
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not tell " + s.signerName() + " about a voided signature: " + e.getMessage());
            }
        }
    }
}
