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
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.record.SharingDecision;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.conference.infrastructure.mail.MailOutbox;
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

    public void asked(SharingRequest request, String agencyName) {
        String link = PublicAddress.base() + "/families/" + request.familyId() + "/sharing?request=" + request.id();
        toFamily(request.familyId(), "Roundtable: " + agencyName + " asks to see " + request.kind().plainWords(),
                request.requestedByName() + " from " + agencyName + " asks to see " + request.kind().plainWords() + ".\n"
                        + "They would see it for " + days(request.days()) + ".\n"
                        + "Their reason: " + request.reason() + "\n\n"
                        + "You can say yes or no here: " + link + "\n"
                        + "Please answer by " + DAY.format(request.answerBy()) + ". Until you answer, they cannot see it.\n");
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
        toFamily(decision.familyId(), "Roundtable: a worker looked at " + decision.kind().plainWords(),
                decision.decidedByName() + " from " + agencyName + (renewal ? " still needs to see " : " needed to see ")
                        + decision.kind().plainWords() + ".\nYou had asked for it not to be shared with them.\n"
                        + "Their reason: " + decision.reason() + "\n"
                        + "This ends on " + DAY.format(decision.reviewOn()) + " unless a worker renews it.\n\n"
                        + "You can read it here: " + PublicAddress.base() + "/families/" + decision.familyId() + "/sharing\n");
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

    private void toFamily(UUID familyId, String subject, String body) {
        var addresses = em.createQuery("""
                select a from SignInAddress a, FamilyMember m
                where a.callerKind = :k and a.callerId = m.id and m.family.id = :f and a.confirmedAt is not null""",
                SignInAddress.class).setParameter("k", CallerKind.FAMILY_MEMBER).setParameter("f", familyId).getResultList();
        for (var address : addresses) {
            mail.queue(address.email(), subject, body);
        }
    }

    static String days(int days) {
        return switch (days) {
            case 1 -> "one day";
            case 7 -> "one week";
            case 28, 30, 31 -> "one month";
            case 90 -> "three months";
            case 182, 183 -> "six months";
            default -> days + " days";
        };
    }
}
