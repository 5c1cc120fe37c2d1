package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.access.ConferenceAccess;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.application.view.ReportsView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.record.ConferenceReport;
import org.roundtable.conference.infrastructure.persistence.ReportStore;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.followup.ReportDeadline;
import org.roundtable.shared.record.InformationKind;

/**
 * Agencies' reports before a conference. Each invited agency uploads one PDF (a new upload
 * replaces its earlier one); the family reads it once the agency shares it; the chair sees which
 * agencies are late against the deadline. Uploads are size-limited, must be real PDFs, keep a
 * plain file name, and are served only to those allowed.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    /** Letters, digits, spaces and . _ ( ) -, ending in .pdf: no folders, no ".." and nothing a browser would act on. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,150}\\.[pP][dD][fF]");
    public static final long MAX_BYTES = Long.getLong("roundtable.reports.max-bytes", 5L * 1024 * 1024);

    /** A report's description and its bytes, for a download. */
    public record Download(String fileName, byte[] content) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Lookup lookup;

    @Inject
    private ReportStore store;

    @Inject
    private FollowUpRules rules;

    @Inject
    private Clock clock;

    public ReportsView.Report upload(Caller caller, UUID conferenceId, String fileName, byte[] content) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        ConferenceAccess.requireMayUploadReport(caller, agency -> invitedAgencies(conference).get(agency) != null);
        conference.requireNotClosed();
        if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new InvalidInput("fileName", "Give the file a simple name ending in .pdf, with no folders in it (letters, numbers, spaces, dots, dashes).");
        }
        if (content.length > MAX_BYTES) {
            throw new ReportTooLarge(MAX_BYTES);
        }
        ReportPdf.require(content);
        for (ConferenceReport earlier : reportsOf(conferenceId)) {
            if (earlier.agencyId().equals(caller.agencyId())) {
                em.remove(earlier);
                em.flush();
            }
        }
        StaffMember staff = lookup.require(StaffMember.class, caller.id(), "member of staff");
        var report = new ConferenceReport(UUID.randomUUID(), conferenceId, caller.agencyId(), staff.fullName(), fileName,
                content.length, Secrets.sha256(content), clock.instant());
        store.save(report, content);
        return view(report, staff.agency().name(), deadline(conference));
    }

    /** The uploading agency shares its report with the family. */
    public ReportsView.Report share(Caller caller, UUID conferenceId, UUID reportId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        ConferenceReport report = requireReport(conferenceId, reportId);
        ConferenceAccess.requireMayShareReport(caller, report);
        report.share(clock.instant());
        return view(report, lookup.require(StaffMember.class, caller.id(), "member of staff").agency().name(), deadline(conference));
    }

    public ReportsView list(Caller caller, UUID conferenceId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        ReportDeadline.Due due = due(conference);
        Instant deadline = due.at();
        Map<UUID, String> invited = invitedAgencies(conference);
        var visible = new ArrayList<ReportsView.Report>();
        Map<UUID, ConferenceReport> byAgency = new LinkedHashMap<>();
        for (ConferenceReport r : reportsOf(conferenceId)) {
            byAgency.put(r.agencyId(), r);
            if (mayRead(caller, conference, r)) {
                visible.add(view(r, invited.getOrDefault(r.agencyId(), "An agency"), deadline));
            }
        }
        Instant now = clock.instant();
        var expected = invited.entrySet().stream().map(e -> {
            ConferenceReport r = byAgency.get(e.getKey());
            boolean late = r == null ? now.isAfter(deadline) : r.uploadedAt().isAfter(deadline);
            return new ReportsView.Expected(e.getKey(), e.getValue(), r != null, r == null ? null : r.uploadedAt(), late);
        }).toList();
        return new ReportsView(deadline, due.shortNotice(), visible, expected);
    }

    public Download download(Caller caller, UUID conferenceId, UUID reportId) {
        Conference conference = lookup.require(Conference.class, conferenceId, "conference");
        policy.requireConferenceVisible(caller, conference);
        ConferenceReport report = requireReport(conferenceId, reportId);
        if (!mayRead(caller, conference, report)) {
            // Not shared with this person: as if it did not exist.
            throw new ResourceNotFound("report");
        }
        return new Download(report.fileName(), store.content(reportId));
    }

    /** The family reads shared reports; staff read their own agency's, and others' when the family shares reports with them. */
    private boolean mayRead(Caller caller, Conference conference, ConferenceReport report) {
        if (!caller.isStaff()) {
            return report.isShared();
        }
        return report.agencyId().equals(caller.agencyId()) || policy.isShared(caller, conference.family().id(), InformationKind.REPORTS);
    }

    private Instant deadline(Conference conference) {
        return due(conference).at();
    }

    private ReportDeadline.Due due(Conference conference) {
        return rules.reportDeadline().forConference(conference.kind(), conference.scheduledStart(), conference.startSetAt(),
                ClockProducer.LOCAL_ZONE, rules.calendar());
    }

    /** Agencies with staff invited to the conference, by id, with their names. */
    private static Map<UUID, String> invitedAgencies(Conference conference) {
        Map<UUID, String> agencies = new LinkedHashMap<>();
        for (Invitee i : conference.invitees()) {
            if (i.personKind() == CallerKind.STAFF) {
                agencies.putIfAbsent(i.staffMember().agency().id(), i.staffMember().agency().name());
            }
        }
        return agencies;
    }

    private List<ConferenceReport> reportsOf(UUID conferenceId) {
        return em.createQuery("select r from ConferenceReport r where r.conferenceId = :c order by r.uploadedAt", ConferenceReport.class)
                .setParameter("c", conferenceId).getResultList();
    }

    private ConferenceReport requireReport(UUID conferenceId, UUID reportId) {
        ConferenceReport report = em.find(ConferenceReport.class, reportId);
        if (report == null || !report.conferenceId().equals(conferenceId)) {
            throw new ResourceNotFound("report");
        }
        return report;
    }

    private static ReportsView.Report view(ConferenceReport r, String agencyName, Instant deadline) {
        return new ReportsView.Report(r.id(), r.agencyId(), agencyName, r.fileName(), r.sizeBytes(), r.uploadedByName(), r.uploadedAt(),
                r.sharedAt(), r.uploadedAt().isAfter(deadline));
    }
}
