package org.roundtable.conference.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.domain.model.record.ConferenceReport;

/** Reports' bytes, kept in the database beside their description and read only to serve a download. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReportStore {

    @PersistenceContext
    private EntityManager em;

    public void save(ConferenceReport report, byte[] content) {
        em.createNativeQuery("""
                insert into conference_report (id, conference_id, agency_id, uploaded_by_name, file_name, size_bytes, sha256, content, uploaded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, report.id()).setParameter(2, report.conferenceId()).setParameter(3, report.agencyId())
                .setParameter(4, report.uploadedByName()).setParameter(5, report.fileName()).setParameter(6, report.sizeBytes())
                .setParameter(7, report.sha256()).setParameter(8, content).setParameter(9, Timestamp.from(report.uploadedAt()))
                .executeUpdate();
    }

    public byte[] content(UUID reportId) {
        List<?> rows = em.createNativeQuery("select content from conference_report where id = ?1").setParameter(1, reportId).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    public void remove(UUID reportId) {
        em.createNativeQuery("delete from conference_report where id = ?1").setParameter(1, reportId).executeUpdate();
    }
}
