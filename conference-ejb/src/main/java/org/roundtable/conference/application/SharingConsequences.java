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
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.SharingRules;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.domain.model.record.SharingDecision;
import org.roundtable.conference.infrastructure.text.Texts;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.OwnerKind;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/**
 * What a sharing choice means, in plain words, from the family's real data: before the family
 * saves a choice ("The school will not see your plan. They will still see the two things they
 * agreed to do."), and for the chair of a coming conference, which invited agencies cannot see
 * what.
 */
@ApplicationScoped
@Transactional
public class SharingConsequences {

    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

    /** The sentences to read before saving. */
    public record Preview(List<String> sentences) {
    }

    /** An invited agency that cannot see one or more kinds, and what it still sees. */
    public record Warning(UUID agencyId, String agencyName, List<InformationKind> notShared, String words) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private SharingRules rules;

    @Inject
    private SharingNotices notices;

    @Inject
    private FamilyService families;

    @Inject
    private Clock clock;

    @Inject
    private PersonLanguages languages;

    public Preview preview(Caller caller, UUID familyId, UUID agencyId, InformationKind kind, SharingPreference choice) {
        policy.requireFamilyMember(caller, familyId, "Only the family sets who its information is shared with.");
        LocalDate today = LocalDate.now(clock);
        Agency agency = agencyId == null ? null : families.involvements(familyId).stream()
                .filter(i -> i.agency().id().equals(agencyId) && i.isActiveOn(today)).map(i -> i.agency()).findFirst().orElse(null);
        if (agency == null || kind == null || choice == null) {
            throw new InvalidInput(agency == null ? "agencyId" : kind == null ? "kind" : "preference",
                    "Choose an agency working with your family, what to share, and your choice.");
        }
        // Written in the family member's own language (English or Welsh).
        var w = Texts.of("sharing-texts", languages.of(caller.kind(), caller.id()));
        var day = DateTimeFormatter.ofPattern(w.get("day"), w.language().locale());
        String they = agency.name();
        String what = w.get("what." + kind.name());
        var sentences = new ArrayList<String>();
        if (rules.preference(familyId, agencyId, kind) == choice) {
            sentences.add(w.fill("nothingChanges", Texts.values("agency", they)));
            return new Preview(sentences);
        }
        if (choice == SharingPreference.SHARE) {
            sentences.add(w.fill("willSee", Texts.values("agency", they, "what", what)));
            return new Preview(sentences);
        }
        sentences.add(w.fill(choice == SharingPreference.ASK_FIRST ? "unlessYes" : "willNotSee", Texts.values("agency", they, "what", what)));
        if (kind == InformationKind.PLAN) {
            long own = ownActions(familyId, agencyId);
            sentences.add(own == 0 ? w.get("noActions") : own == 1 ? w.get("oneAction")
                    : w.fill("actions", Texts.values("count", w.language() == Language.ENGLISH ? number(own) : Long.toString(own))));
        }
        overrideInForce(familyId, agencyId, kind, today).ifPresent(until -> sentences.add(
                w.fill("override", Texts.values("date", day.format(until.minusDays(1))))));
        var coming = notices.comingConferencesInviting(familyId, agencyId);
        if (!coming.isEmpty()) {
            sentences.add(w.fill("invited", Texts.values("date", day.format(coming.get(0).scheduledStart().atZone(ClockProducer.LOCAL_ZONE)))));
        }
        return new Preview(sentences);
    }

    /** For the chair: each invited agency that cannot see something of the family today. */
    public List<Warning> warnings(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireChairOf(caller, conference);
        UUID familyId = conference.family().id();
        Map<UUID, Agency> invited = new LinkedHashMap<>();
        for (Invitee i : conference.invitees()) {
            if (i.staffMember() != null) {
                invited.putIfAbsent(i.staffMember().agency().id(), i.staffMember().agency());
            }
        }
        var warnings = new ArrayList<Warning>();
        if (conference.status() == ConferenceStatus.CLOSED || conference.status() == ConferenceStatus.CANCELLED) {
            return warnings;
        }
        for (Agency agency : invited.values()) {
            var notShared = new ArrayList<InformationKind>();
            for (InformationKind kind : InformationKind.values()) {
                if (!rules.answer(familyId, agency.id(), kind).shared()) {
                    notShared.add(kind);
                }
            }
            if (!notShared.isEmpty()) {
                String list = String.join(", ", notShared.stream().map(k -> k.plainWords().replace("your ", "the family's ")).toList());
                warnings.add(new Warning(agency.id(), agency.name(), notShared, "The family does not share " + list + " with "
                        + agency.name() + "." + (notShared.contains(InformationKind.PLAN)
                        ? " They still see and sign the actions they own." : "")));
            }
        }
        return warnings;
    }

    private long ownActions(UUID familyId, UUID agencyId) {
        return em.createQuery("""
                select count(a) from Action a where a.goal.plan.family.id = :f and a.deleted = false and a.goal.deleted = false
                    and a.ownerKind = :agency and a.ownerAgencyId = :a""", Long.class)
                .setParameter("f", familyId).setParameter("agency", OwnerKind.AGENCY).setParameter("a", agencyId).getSingleResult();
    }

    private java.util.Optional<LocalDate> overrideInForce(UUID familyId, UUID agencyId, InformationKind kind, LocalDate today) {
        return em.createQuery("""
                select d from SharingDecision d where d.familyId = :f and d.agencyId = :a and d.kind = :k and d.reviewOn > :today
                order by d.reviewOn desc""", SharingDecision.class)
                .setParameter("f", familyId).setParameter("a", agencyId).setParameter("k", kind).setParameter("today", today)
                .setMaxResults(1).getResultStream().findFirst().map(SharingDecision::reviewOn);
    }

    private static String number(long n) {
        return n < NUMBERS.length ? NUMBERS[(int) n] : Long.toString(n);
    }
}
