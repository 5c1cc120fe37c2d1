package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.roundtable.conference.application.view.PasswordSetupView;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.PasswordSetup;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.conference.infrastructure.security.Secrets;

/**
 * Staff set their own passwords: an administrator adds them (or resets their sign-in) and they
 * are emailed a single-use link; nobody else ever knows the password.
 */
@ApplicationScoped
@Transactional
public class PasswordSetupService {

    private static final String NOT_VALID = "This link is not valid. Check you copied all of it from the email.";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SignInService signIn;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    /** Emails a fresh link; any earlier link of the same person stops working. */
    public void emailLink(StaffMember staff, boolean reset) {
        String link = linkFor(issue(staff, PasswordSetup.EMAILED_LINK_VALID_FOR));
        String opening = reset
                ? "Your administrator has reset your Roundtable sign-in. Your old password no longer works."
                : "An administrator has added you to Roundtable for " + staff.agency().name() + ".";
        mail.queue(staff.email(), reset ? "Set a new Roundtable password" : "Set your Roundtable password",
                "Hello " + staff.fullName() + ",\n\n" + opening + "\n\n"
                        + "Your username is: " + staff.username() + "\n\n"
                        + "Choose your password here:\n\n" + link + "\n\n"
                        + "The link works once and for " + PasswordSetup.EMAILED_LINK_VALID_FOR.toDays() + " days.\n"
                        + "If you did not expect this email, tell your administrator.\n");
    }

    /** A new link for this person (the token is returned once, never stored). */
    public String issue(StaffMember staff, Duration validFor) {
        var now = clock.instant();
        em.createQuery("select p from PasswordSetup p where p.staff = :s and p.usedAt is null", PasswordSetup.class)
                .setParameter("s", staff).getResultList().forEach(p -> p.withdraw(now));
        String token = Secrets.token();
        em.persist(new PasswordSetup(staff, Secrets.sha256(token), now, validFor));
        return token;
    }

    public PasswordSetupView describe(String token) {
        var setup = find(token);
        setup.requireUsable(clock.instant());
        return new PasswordSetupView(setup.staff().fullName(), setup.staff().username(), setup.expiresAt());
    }

    /** Sets the password; the link is used up and any lock from failed sign-ins is lifted. */
    public PasswordSetupView setPassword(String token, String password) {
        var setup = find(token);
        setup.use(clock.instant());
        var staff = setup.staff();
        staff.changePasswordHash(passwords.hash(password));
        signIn.liftLocks(staff.username());
        return new PasswordSetupView(staff.fullName(), staff.username(), null);
    }

    private PasswordSetup find(String token) {
        return em.createQuery("select p from PasswordSetup p join fetch p.staff where p.tokenHash = :h", PasswordSetup.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token)).getResultStream().findFirst()
                .orElseThrow(() -> new DomainRuleViolation(NOT_VALID));
    }

    /** The address of the set-password page for a token; roundtable.public-url says where the server is reached. */
    public static String linkFor(String token) {
        return PublicAddress.base() + "/set-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
