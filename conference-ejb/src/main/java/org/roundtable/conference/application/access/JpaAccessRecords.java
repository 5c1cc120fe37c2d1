package org.roundtable.conference.application.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.shared.domain.AgencyKind;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/** The access rules' records, read with JPA: one query per question, against current data. */
@ApplicationScoped
public class JpaAccessRecords implements AccessRecords {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Set<UUID> agenciesWorkingWith(UUID familyId, LocalDate day) {
        return new HashSet<>(em.createQuery("""
                select i.agency.id from Involvement i
                where i.family.id = :family and i.startsOn <= :today and (i.endsOn is null or i.endsOn >= :today)""", UUID.class)
                .setParameter("family", familyId).setParameter("today", day).getResultList());
    }

    @Override
    public boolean advocateAssigned(UUID advocateId, UUID familyId, LocalDate day) {
        return em.createQuery("""
                select count(a) from AdvocateAssignment a
                where a.advocate.id = :advocate and a.family.id = :family
                  and a.startsOn <= :today and (a.endsOn is null or a.endsOn >= :today)""", Long.class)
                .setParameter("advocate", advocateId).setParameter("family", familyId).setParameter("today", day)
                .getSingleResult() > 0;
    }

    @Override
    public Optional<UUID> leadWorker(UUID familyId, LocalDate day) {
        // Dates typed into an involvement never make someone the lead worker: the order is the kind, then when it was recorded.
        return em.createQuery("""
                select i.leadPractitioner.id from Involvement i
                where i.family.id = :family and i.startsOn <= :today and (i.endsOn is null or i.endsOn >= :today)
                order by case when i.agency.kind = :social then 0 else 1 end, i.recordedAt nulls first, i.startsOn, i.id""", UUID.class)
                .setParameter("family", familyId).setParameter("today", day).setParameter("social", AgencyKind.CHILDRENS_SOCIAL_CARE)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public boolean keptOutOfPlan(UUID personId, UUID familyId) {
        return em.createQuery("""
                select count(i) from Invitee i left join i.staffMember s left join i.familyMember m left join i.advocate a,
                    PrivatePart p join p.excludedInvitees x
                where p.conferenceId = i.conference.id and p.endedAt is null and x = i.id and i.conference.family.id = :f
                    and (s.id = :person or m.id = :person or a.id = :person)""", Long.class)
                .setParameter("f", familyId).setParameter("person", personId).getSingleResult() > 0;
    }

    @Override
    public boolean chairsAConferenceOf(UUID staffId, UUID familyId) {
        return em.createQuery("select count(c) from Conference c where c.family.id = :f and c.chair.id = :s", Long.class)
                .setParameter("f", familyId).setParameter("s", staffId).getSingleResult() > 0;
    }

    @Override
    public Set<UUID> membersOf(UUID familyId) {
        return new HashSet<>(em.createQuery("select m.id from FamilyMember m where m.family.id = :f", UUID.class)
                .setParameter("f", familyId).getResultList());
    }

    @Override
    public SharingPreference sharingPreference(UUID familyId, UUID agencyId, InformationKind kind) {
        List<?> rows = em.createNativeQuery("select preference from sharing_preference where family_id = ?1 and agency_id = ?2 and kind = ?3")
                .setParameter(1, familyId).setParameter(2, agencyId).setParameter(3, kind.name()).getResultList();
        return rows.isEmpty() ? SharingPreference.SHARE : SharingPreference.valueOf((String) rows.get(0));
    }

    @Override
    public boolean overrideInForce(UUID familyId, UUID agencyId, InformationKind kind, LocalDate day) {
        return em.createQuery("""
                select count(d) from SharingDecision d
                where d.familyId = :f and d.agencyId = :a and d.kind = :k and d.reviewOn > :today""", Long.class)
                .setParameter("f", familyId).setParameter("a", agencyId).setParameter("k", kind).setParameter("today", day)
                .getSingleResult() > 0;
    }

    @Override
    public List<SharingRequest> sharingRequests(UUID familyId, UUID agencyId, InformationKind kind) {
        return em.createQuery("select r from SharingRequest r where r.familyId = :f and r.agencyId = :a and r.kind = :k",
                SharingRequest.class).setParameter("f", familyId).setParameter("a", agencyId).setParameter("k", kind).getResultList();
    }
}
