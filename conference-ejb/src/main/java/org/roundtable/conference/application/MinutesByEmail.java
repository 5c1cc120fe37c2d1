package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceKind;

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

    @Inject
    private PersonLanguages languages;

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
            // Each in their own language (staff in English).
            Language language = invitee.personKind() == CallerKind.STAFF ? Language.ENGLISH : languages.of(invitee.personKind(), invitee.personId());
            var words = MailTexts.in(language);
            var values = Texts.values("title", MeetingLetter.title(conference.kind(), language), "when", MeetingLetter.when(conference, language),
                    "name", invitee.displayName(), "chair", conference.chair().fullName(), "family", conference.family().name(),
                    "explained", conference.kind() == ConferenceKind.CORE_GROUP ? words.get("meeting.coreGroupExplained") : "",
                    "link", link, "contact", MeetingLetter.contact(conference));
            mail.queue(email, words.fill("minutes.subject", values), words.fill("minutes.body", values));
        }
    }
}
