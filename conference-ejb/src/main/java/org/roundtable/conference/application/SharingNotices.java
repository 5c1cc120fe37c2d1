package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.domain.model.record.SharingDecision;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.record.InformationKind;

/**
 * The emails about sharing: the family is asked, and told of every override made or renewed; the
 * worker hears the family's answer and when an override lapses; the chair of a coming conference
 * hears that an invited agency can no longer see something. Queued in the caller's transaction,
 * so nothing is sent for a change that did not happen. Short, plain sentences: families read them
 * on a phone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SharingNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    @Inject
    private PersonLanguages languages;

    public void asked(SharingRequest request, String agencyName) {
        String link = PublicAddress.base() + "/families/" + request.familyId() + "/sharing?request=" + request.id();
        toFamily(request.familyId(), (words, language) -> {
            var values = Texts.values("agency", agencyName, "what", what(request.kind(), language), "name", request.requestedByName(),
                    "time", days(request.days(), words), "reason", request.reason(),
                    // A Welsh reader's link opens the page in Welsh, whichever browser it is opened in.
                    "link", language == Language.WELSH ? link + "&lang=cy" : link, "date", day(request.answerBy(), words));
            return new String[] {words.fill("sharing.asked.subject", values), words.fill("sharing.asked.body", values)};
        });
    }

    public void answered(SharingRequest request) {
        StaffMember worker = em.find(StaffMember.class, request.requestedById());
        boolean yes = request.statusOn(LocalDate.now(clock)) == SharingRequest.Status.YES;
        mail.queue(worker.email(), "Roundtable: the family answered your request",
                request.answeredByName() + " answered your request to see " + request.kind().plainWords() + ": "
                        + (yes ? "yes, until " + DAY.format(request.sharedUntil().minusDays(1)) + "." : "no.") + "\n\n"
                        + PublicAddress.base() + "/families/" + request.familyId() + "/sharing\n");
    }

    public void overridden(SharingDecision decision, String agencyName, boolean renewal) {
        if (!decision.visibleToFamilyOn(LocalDate.now(clock))) {
            return;
        }
        toFamily(decision.familyId(), (words, language) -> {
            var values = Texts.values("what", what(decision.kind(), language), "name", decision.decidedByName(), "agency", agencyName,
                    "reason", decision.reason(), "date", day(decision.reviewOn(), words),
                    "link", PublicAddress.base() + "/families/" + decision.familyId() + "/sharing");
            return new String[] {words.fill("sharing.overridden.subject", values),
                words.fill(renewal ? "sharing.renewed.body" : "sharing.overridden.body", values)};
        });
    }

    public void lapsed(SharingDecision decision) {
        StaffMember worker = em.find(StaffMember.class, decision.decidedById());
        mail.queue(worker.email(), "Roundtable: your override has ended",
                "Your override to see " + decision.kind().plainWords() + " has reached its review date, so it has ended.\n"
                        + "If you still need to see it, renew it with a new reason:\n"
                        + PublicAddress.base() + "/families/" + decision.familyId() + "/sharing\n");
    }

    /**
     * Each chair of a coming conference to which the agency is invited is told, once for all their
     * conferences, that the agency cannot see this any more.
     */
    public void agencyLostAccess(UUID familyId, UUID agencyId, String agencyName, InformationKind kind) {
        Map<StaffMember, List<Conference>> byChair = new LinkedHashMap<>();
        for (Conference conference : comingConferencesInviting(familyId, agencyId)) {
            byChair.computeIfAbsent(conference.chair(), c -> new ArrayList<>()).add(conference);
        }
        String what = kind.plainWords().replace("your ", "the family's ");
        byChair.forEach((chair, conferences) -> {
            var body = new StringBuilder("The family no longer shares " + kind.plainWords().replace("your ", "its ") + " with "
                    + agencyName + ".\n" + agencyName + " is invited to:\n");
            for (Conference conference : conferences) {
                body.append("- the conference on ").append(DAY.format(conference.scheduledStart().atZone(ClockProducer.LOCAL_ZONE)))
                        .append(": ").append(PublicAddress.base()).append("/conferences/").append(conference.id()).append('\n');
            }
            if (kind == InformationKind.PLAN) {
                body.append("They still see the actions they own, and can sign them.\n");
            }
            mail.queue(chair.email(), "Roundtable: " + agencyName + " can no longer see " + what, body.toString());
        });
    }

    /** Coming conferences (scheduled, in the future) of the family to which staff of the agency are invited, besides the chair. */
    public List<Conference> comingConferencesInviting(UUID familyId, UUID agencyId) {
        return em.createQuery("""
                select distinct c from Conference c join c.invitees i join i.staffMember s
                where c.family.id = :f and s.agency.id = :a and c.status = :scheduled and c.scheduledStart > :now and i.role <> :chair
                order by c.scheduledStart""", Conference.class)
                .setParameter("f", familyId).setParameter("chair", InviteeRole.CHAIR).setParameter("a", agencyId).setParameter("scheduled", ConferenceStatus.SCHEDULED)
                .setParameter("now", clock.instant()).getResultList();
    }

    /** Every family member who signs in is emailed, each in their own language: write gives {subject, body}. */
    private void toFamily(UUID familyId, java.util.function.BiFunction<MailTexts, Language, String[]> write) {
        var addresses = em.createQuery("""
                select a from SignInAddress a, FamilyMember m
                where a.callerKind = :k and a.callerId = m.id and m.family.id = :f and a.confirmedAt is not null""",
                SignInAddress.class).setParameter("k", CallerKind.FAMILY_MEMBER).setParameter("f", familyId).getResultList();
        for (var address : addresses) {
            Language language = languages.of(CallerKind.FAMILY_MEMBER, address.callerId());
            String[] letter = write.apply(MailTexts.in(language), language);
            mail.queue(address.email(), letter[0], letter[1]);
        }
    }

    private static String what(InformationKind kind, Language language) {
        return Texts.of("sharing-texts", language).get("what." + kind.name());
    }

    private static String day(LocalDate day, MailTexts words) {
        return DateTimeFormatter.ofPattern(words.get("sharing.day"), words.language().locale()).format(day);
    }

    /** "one month", "un mis": how long a yes would last. */
    static String days(int days, MailTexts words) {
        int key = switch (days) {
            case 28, 30, 31 -> 30;
            case 182, 183 -> 182;
            default -> days;
        };
        return java.util.Set.of(1, 7, 30, 90, 182).contains(key) ? words.get("sharing.days." + key)
                : words.fill("sharing.days", Texts.values("days", days));
    }
}
