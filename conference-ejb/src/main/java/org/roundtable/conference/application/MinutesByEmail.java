package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.shared.domain.CallerKind;

/**
 * When a conference closes, everyone on its list is told the minutes are ready: the family,
 * their advocate and every member of staff. The email carries a link, not the minutes: they
 * hold a child's case, each person's copy differs (private parts), and email is not where a
 * record should travel. Families and advocates are written to only at an address they confirmed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MinutesByEmail {

    @Inject
    private MailOutbox mail;

    @Inject
    private SignInAddresses addresses;

    void tellEveryone(Conference conference) {
        String link = PublicAddress.base() + "/conferences/" + conference.id();
        for (Invitee invitee : conference.invitees()) {
            String email = invitee.email();
            if (email == null || email.isBlank()) {
                continue;
            }
            if (invitee.personKind() != CallerKind.STAFF && !addresses.isConfirmedFor(invitee.personKind(), invitee.personId(), email)) {
                continue;
            }
            mail.queue(email, "Minutes: " + MeetingLetter.title(conference.kind()) + " on " + MeetingLetter.when(conference),
                    "Hello " + invitee.displayName() + ",\n\n"
                            + MeetingLetter.explained(conference.kind())
                            + conference.chair().fullName() + " has closed the meeting about the " + conference.family().name()
                            + " and locked its record. The minutes are ready.\n\n"
                            + "Sign in to read them or download them as a PDF, with what each person agreed to do next:\n\n"
                            + link + "\n\n"
                            + "Questions? Contact the chair: " + MeetingLetter.contact(conference) + "\n");
        }
    }
}
