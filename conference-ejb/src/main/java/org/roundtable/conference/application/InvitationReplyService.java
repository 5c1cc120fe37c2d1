package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.application.InvalidInput.FieldError;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ConferenceAccess;
import org.roundtable.conference.application.command.ReplyCommand;
import org.roundtable.conference.application.view.ConferenceView;
import org.roundtable.conference.application.view.InvitationPageView;
import org.roundtable.conference.application.view.InvitationPageView.State;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.access.Invitation;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.conference.ViewsBeforeMeeting;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.mail.MailSender;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InvitationAnswer;

/**
 * The invited person's side of an invitation: the page behind the link (which says what
 * happened to a used or expired link), and their answers (coming, not coming, the help they
 * need, their views before the meeting), which go to the chair. Answering from the link does
 * not use it up: only signing in does.
 */
@ApplicationScoped
@Transactional
public class InvitationReplyService {

    /** Sets of views one invitee may send for one meeting. */
    static final int MAX_VIEWS = 10;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private MailOutbox mail;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private Clock clock;

    @Inject
    private StaffContactsService contacts;

    @Inject
    private PersonLanguages languages;

    /** What the link's page shows; opening it with a valid link is the "opened" status tag. */
    public InvitationPageView page(String token) {
        Optional<Invitation> found = invitation(token);
        if (found.isEmpty()) {
            return InvitationPageView.only(State.NOT_VALID,
                    "This invitation link is not valid. Check you copied all of it, or get a sign-in code with your email address.");
        }
        Invitation invitation = found.get();
        Invitee invitee = invitation.invitee();
        Conference c = invitee.conference();
        // The meeting is described in the invited person's own language (English or Welsh).
        Language language = languages.of(invitee.personKind(), invitee.personId());
        if (c.status() == ConferenceStatus.CANCELLED) {
            return new InvitationPageView(State.CANCELLED, "This meeting has been cancelled.", null, invitee.displayName(),
                    MeetingLetter.title(c.kind(), language), c.family().name(), c.scheduledStart(), MeetingLetter.when(c, language), java.util.List.of(),
                    null, null, java.util.List.of(), MeetingLetter.contact(c), invitee.status(), c.cancelReason(), contacts.forMeeting(c));
        }
        if (invitation.isUsed()) {
            return InvitationPageView.only(State.USED,
                    "This invitation link has already been used to sign in. It works only once, to keep your information safe.");
        }
        if (invitation.isExpiredAt(clock.instant())) {
            return InvitationPageView.only(State.EXPIRED, "This invitation link has expired. Links work for 7 days.");
        }
        invitee.markOpened(clock.instant());
        return new InvitationPageView(State.VALID, null, c.id(), invitee.displayName(), MeetingLetter.title(c.kind(), language),
                c.family().name(), c.scheduledStart(), MeetingLetter.when(c, language), MeetingLetter.whereAndHow(c, language), c.joinLink(),
                MeetingLetter.purpose(c.kind(), language), MeetingLetter.whoWillBeThere(c, language), MeetingLetter.contact(c), invitee.status(), null,
                contacts.forMeeting(c));
    }

    /** An answer from the link's page, before signing in. */
    public void replyWithLink(String token, ReplyCommand command) {
        Invitation invitation = invitation(token).orElseThrow(() -> new InvalidInput("token",
                "This invitation link is not valid. Get a sign-in code to answer from the meeting's page."));
        requireOpenMeeting(invitation.invitee().conference());
        if (invitation.isUsed() || invitation.isExpiredAt(clock.instant())) {
            throw new DomainRuleViolation("This invitation link can no longer be used. Get a sign-in code to answer from the meeting's page.");
        }
        reply(invitation.invitee(), command);
    }

    /** An answer from the meeting's page, signed in. */
    public ConferenceView replyAsInvitee(Caller caller, UUID conferenceId, ReplyCommand command) {
        var conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        Invitee invitee = ConferenceAccess.inviteeAnswering(caller, conference);
        requireOpenMeeting(conference);
        reply(invitee, command);
        return ConferenceView.of(conference, caller);
    }

    private void requireOpenMeeting(Conference conference) {
        if (conference.status() == ConferenceStatus.CANCELLED) {
            throw new DomainRuleViolation("This meeting has been cancelled, so there is nothing to answer. The chair will tell you about a new date.");
        }
        if (conference.status() == ConferenceStatus.CLOSED) {
            throw new DomainRuleViolation("This meeting has already taken place and its record is closed.");
        }
    }

    private void reply(Invitee invitee, ReplyCommand command) {
        var now = clock.instant();
        var errors = new ArrayList<FieldError>();
        String told;
        switch (command.answer()) {
            case COMING -> {
                invitee.answer(InvitationAnswer.COMING, null, now);
                told = invitee.displayName() + " can come.";
            }
            case CANT_COME -> {
                if (blank(command.reason())) {
                    throw new InvalidInput("reason", "Say why you cannot come, so the chair can find another way to hear from you");
                }
                invitee.answer(InvitationAnswer.CANT_COME, command.reason().strip(), now);
                told = invitee.displayName() + " cannot come. Why: " + command.reason().strip();
            }
            case NEEDS_HELP -> {
                if (blank(command.language()) && blank(command.accessNeeds())) {
                    errors.add(new FieldError("language", "Enter the language you need an interpreter for, or the help you need"));
                    throw new InvalidInput(errors);
                }
                invitee.needHelp(strip(command.language()), strip(command.accessNeeds()));
                told = invitee.displayName() + " needs help to take part."
                        + (blank(command.language()) ? "" : "\nInterpreter for: " + command.language().strip())
                        + (blank(command.accessNeeds()) ? "" : "\nOther help: " + command.accessNeeds().strip());
            }
            case VIEWS -> {
                byte[] file = file(command);
                if (blank(command.words()) && file == null) {
                    throw new InvalidInput("words", "Write your views, or choose a file to send");
                }
                var attachment = file == null ? null : ViewsFile.accept(command.fileName(), file);
                requireRoomForViews(invitee);
                em.persist(new ViewsBeforeMeeting(invitee, command.words(), command.fileName(), file, now));
                told = invitee.displayName() + " sent their views before the meeting. They are in the conference's record."
                        + (blank(command.words()) ? "" : "\n\n\"" + command.words().strip() + "\"");
                tellChair(invitee, told, attachment == null ? new MailSender.Attachment[0] : new MailSender.Attachment[] {attachment});
                return;
            }
            default -> throw new IllegalStateException();
        }
        tellChair(invitee, told);
    }

    private void tellChair(Invitee invitee, String told, MailSender.Attachment... files) {
        Conference c = invitee.conference();
        mail.queue(c.chair().email(), "Reply from " + invitee.displayName() + ": meeting on " + MeetingLetter.when(c),
                told + "\n\nThe meeting's page: " + PublicAddress.base() + "/conferences/" + c.id() + "\n", java.util.List.of(files));
    }

    private static byte[] file(ReplyCommand command) {
        if (blank(command.fileBase64())) {
            return null;
        }
        if (blank(command.fileName())) {
            throw new InvalidInput("file", "The file has no name");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(command.fileBase64().strip());
            if (bytes.length == 0 || bytes.length > ViewsBeforeMeeting.MAX_FILE_BYTES) {
                throw new InvalidInput("file", "The file must be 40 KB or smaller, and not empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("file", "The file could not be read. Choose it again");
        }
    }

    /**
     * Views are kept and each set is emailed to the chair: whoever holds the link (or a
     * forwarded copy of it) may not fill the database or the chair's inbox with them.
     */
    private void requireRoomForViews(Invitee invitee) {
        em.lock(invitee, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        long sent = em.createQuery("select count(v) from ViewsBeforeMeeting v where v.invitee = :i", Long.class)
                .setParameter("i", invitee).getSingleResult();
        if (sent >= MAX_VIEWS) {
            throw new DomainRuleViolation("You have already sent your views " + MAX_VIEWS + " times for this meeting. "
                    + "Tell the chair anything more at the meeting, or contact them: " + MeetingLetter.contact(invitee.conference()));
        }
    }

    /** The invitation behind a link, while the link is still its person's (see {@link #stillTheirs}). */
    private Optional<Invitation> invitation(String token) {
        return em.createQuery("select i from Invitation i join fetch i.invitee where i.tokenHash = :h", Invitation.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token)).getResultStream().findFirst().filter(this::stillTheirs);
    }

    /**
     * A link works for the person only while it went to the address they sign in with now (they
     * may have moved because someone else reads the old mailbox) and, for an advocate, while they
     * still stand beside the family: otherwise it shows and answers nothing, as signing in with it does.
     */
    private boolean stillTheirs(Invitation invitation) {
        Invitee invitee = invitation.invitee();
        if (!addresses.isConfirmedFor(invitee.personKind(), invitee.personId(), invitation.email())) {
            return false;
        }
        return invitee.personKind() != CallerKind.ADVOCATE
                || policy.canSeeFamily(Caller.advocate(invitee.personId(), invitee.displayName()), invitee.conference().family().id());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
