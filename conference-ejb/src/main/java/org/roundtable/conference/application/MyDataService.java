package org.roundtable.conference.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.transaction.Transactional;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.conference.application.view.ConferenceSummary;
import org.roundtable.conference.application.view.MyDataView;
import org.roundtable.conference.application.view.ReportsView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.export.MyDataZip;
import org.roundtable.conference.application.document.MyDataPdf;
import org.roundtable.shared.domain.Page;
import org.roundtable.shared.domain.PageRequest;

/** "My data": a family member downloads everything held about their family: as JSON, as a readable PDF, or all of it as a ZIP. */
@ApplicationScoped
@Transactional
public class MyDataService {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    private AccessPolicy policy;

    @Inject
    private PersonLanguages languages;

    @Inject
    private FamilyService families;

    @Inject
    private ActionPlanService plans;

    @Inject
    private ConferenceService conferences;

    @Inject
    private ConferenceRecordService records;

    @Inject
    private ContactService contacts;

    @Inject
    private FamilyDetailsService details;

    @Inject
    private SharingService sharing;

    @Inject
    private AccessLogService accessLog;

    @Inject
    private ReportService reports;

    @Inject
    private Clock clock;

    @Resource(lookup = "java:jboss/datasources/RoundtableDS")
    private DataSource dataSource;

    /** Refused before a download starts, so a refusal is an answer and not a broken file. */
    public void requireAllowed(Caller caller, UUID familyId) {
        policy.requireFamilyMember(caller, familyId, "Only a member of the family downloads the family's data.");
        // The export holds the plan.
        policy.requireNotKeptOutOfPlan(caller, familyId);
    }

    public MyDataView collect(Caller caller, UUID familyId) {
        requireAllowed(caller, familyId);
        var records = new ArrayList<ConferenceRecordView>();
        var shared = new ArrayList<ReportsView.Report>();
        for (ConferenceSummary c : conferences.ofFamily(caller, familyId)) {
            records.add(this.records.record(caller, c.id()));
            shared.addAll(reports.list(caller, c.id()).reports());
        }
        return new MyDataView(clock.instant(), caller.displayName(), families.get(caller, familyId), plans.get(caller, familyId),
                records, all(page -> contacts.list(caller, familyId, page)),
                details.history(caller, familyId), details.proposals(caller, familyId), sharing.view(caller, familyId),
                all(page -> accessLog.log(caller, familyId, page)), shared);
    }

    /** Every item of a paged list: an export leaves nothing out. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> pages) {
        var items = new ArrayList<T>();
        for (int n = 0; ; n++) {
            Page<T> page = pages.apply(new PageRequest(n, PageRequest.MAX_SIZE));
            items.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_SIZE || items.size() >= page.total()) {
                return items;
            }
        }
    }

    public String json(Caller caller, UUID familyId) {
        return JSON.toJson(collect(caller, familyId));
    }

    public byte[] pdf(Caller caller, UUID familyId) {
        return MyDataPdf.render(collect(caller, familyId), languages.of(caller.kind(), caller.id()));
    }

    /**
     * Everything held, as a ZIP in a temporary file (the JSON of every table about the family,
     * the readable PDF, the shared reports as uploaded), built in this one transaction so the
     * parts agree with each other. The download streams the file afterwards, with no transaction
     * and no database connection held: a slow or stalled reader holds neither. The caller
     * deletes the file.
     */
    public Path zip(Caller caller, UUID familyId) throws IOException {
        MyDataView view = collect(caller, familyId);
        JsonValue readable = Json.createReader(new StringReader(JSON.toJson(view))).readValue();
        var request = new MyDataZip.Request(familyId, view.family().name(), caller.id(), caller.displayName(), view.generatedAt(),
                LocalDate.now(clock), readable, MyDataPdf.render(view, languages.of(caller.kind(), caller.id())));
        // Readable by the server's own user only (POSIX: created rw-------).
        Path file = Files.createTempFile("roundtable-everything-held-", ".zip");
        try (Connection connection = dataSource.getConnection(); OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            MyDataZip.write(request, connection, out);
        } catch (SQLException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("The family's data could not be read", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }
}
