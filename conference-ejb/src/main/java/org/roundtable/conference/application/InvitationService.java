package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.Invitation;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.security.Secrets;

/**
 * How families and advocates get in without ever making a password. The chair sends an
 * invitation; its link works once and expires; following it emails a six-digit code that expires
 * within minutes; the code opens a session. Someone who has been in before asks for a fresh code
 * by giving their email address. Only a confirmed sign-in address gets a code, and
 * {@link OneTimeCodes} decides whether one goes out at all.
 */
@ApplicationScoped
@Transactional
public class InvitationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private ConferenceService conferences;

    @Inject
    private OneTimeCodes codes;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private CodeRequests codeRequests;

    @Inject
    private MailOutbox mail;

    @Inject
    private PersonLanguages languages;

    @Inject
    private Clock clock;

    /** The chair invites a family member or advocate who is on the conference's list. */
    public void sendInvitation(Caller caller, UUID conferenceId, UUID inviteeId) {
        Conference conference = conferences.chairedConference(caller, conferenceId);
        conference.requireNotClosed();
        var invitee = conference.invitee(inviteeId).orElseThrow(() -> new ResourceNotFound("invitee"));
        if (!invitee.role().joinsByInvitation()) {
            throw new InvalidInput("inviteeId", "Staff sign in with their own password; only family members and advocates get invitations.");
        }
        String email = invitee.email();
        if (email == null || email.isBlank()) {
            throw new InvalidInput("inviteeId", invitee.displayName() + " has no email address. Add one to their details first.");
        }
        if (!addresses.isConfirmedFor(invitee.personKind(), invitee.personId(), email)) {
            throw new InvalidInput("inviteeId", invitee.displayName() + " has not confirmed their email address yet. We emailed them a link to do that; "
                    + "invite them once they have.");
        }
        conference.requireNotCancelled();
        String token = Secrets.token();
        var now = clock.instant();
        em.persist(new Invitation(invitee, email, Secrets.sha256(token), now));
        invitee.markInvited(now);
        var words = MailTexts.in(languages.of(invitee.personKind(), invitee.personId()));
        // A Welsh reader's link opens the invitation page in Welsh too.
        String link = linkFor(token) + (words.language() == Language.ENGLISH ? "" : "&lang=" + words.language().code());
        mail.queue(email, words.get("invitation.subject"),
                words.fill("invitation.body", Map.of("name", invitee.displayName(), "chair", conference.chair().fullName(),
                        "when", MeetingLetter.when(conference, words.language()), "details", MeetingLetter.details(conference, words.language()),
                        "link", link)),
                java.util.List.of(MeetingLetter.calendarAttachment(conference, now, words.language())));
    }

    /** Following an invitation link: it is used up, and a code goes to the invited address. */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public CodeChallenge redeem(String token) {
        var invitation = em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token)).getResultStream().findFirst()
                .orElseThrow(() -> new SignInRefused("This invitation link is not valid. Check you copied all of it, or ask the chair for a new one."));
        try {
            invitation.redeem(clock.instant());
        } catch (DomainRuleViolation e) {
            throw new SignInRefused(e.getMessage());
        }
        var invitee = invitation.invitee();
        // The person may have moved to another address since: the link only works for the one they sign in with now.
        if (!addresses.isConfirmedFor(invitee.personKind(), invitee.personId(), invitation.email())) {
            throw new SignInRefused("This invitation was sent to an email address that is no longer yours on Roundtable. Ask the chair for a new one.");
        }
        return codes.send(invitee.personKind(), invitee.personId(), SignInAddress.normalise(invitation.email()));
    }

    /**
     * A returning family member or advocate asks for a code. The request is only recorded here,
     * alike for every address; {@link CodeRequests} decides afterwards whether a code goes out.
     */
    public CodeChallenge requestCode(String email, Language chosenOnPage) {
        return codeRequests.record(email, chosenOnPage);
    }

    @Transactional(dontRollbackOn = SignInRefused.class)
    public SignInResult verifyCode(UUID challengeId, String code) {
        return codes.verify(challengeId, code);
    }

    /** The address an invitation email links to; roundtable.public-url says where the server is reached. */
    public static String linkFor(String token) {
        return PublicAddress.base() + "/invite?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
