package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;
import static org.roundtable.conference.it.Role.ADMINISTRATOR;
import static org.roundtable.conference.it.Role.ADVOCATE;
import static org.roundtable.conference.it.Role.ANONYMOUS;
import static org.roundtable.conference.it.Role.CHAIR;
import static org.roundtable.conference.it.Role.FAMILY_MEMBER;
import static org.roundtable.conference.it.Role.INVOLVED_STAFF;
import static org.roundtable.conference.it.Role.OTHER_FAMILY_MEMBER;
import static org.roundtable.conference.it.Role.UNINVOLVED_STAFF;

import jakarta.json.Json;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.interfaces.rest.RestApplication;
import org.roundtable.conference.it.ApiClient.Reply;

/**
 * Every endpoint of the API, called as every kind of person, with the answer each must get:
 * allowed (2xx) or refused (401 for nobody signed in; 403 or 404 for everyone else, and 404
 * never reveals that the thing exists). A new endpoint without a row here fails the test.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class AuthorisationMatrixIT {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    private static final Set<Role> STAFF = EnumSet.of(ADMINISTRATOR, CHAIR, INVOLVED_STAFF, UNINVOLVED_STAFF);
    private static final Set<Role> CASE_STAFF = EnumSet.of(CHAIR, INVOLVED_STAFF, UNINVOLVED_STAFF);
    private static final Set<Role> TAYLOR_VIEWERS = EnumSet.of(CHAIR, INVOLVED_STAFF, FAMILY_MEMBER, ADVOCATE);
    private static final Set<Role> TAYLOR_WORKERS = EnumSet.of(CHAIR, INVOLVED_STAFF);
    private static final Set<Role> INVOLVEMENT_MANAGERS = EnumSet.of(ADMINISTRATOR, CHAIR, INVOLVED_STAFF);
    private static final Set<Role> ADMIN_ONLY = EnumSet.of(ADMINISTRATOR);
    private static final Set<Role> CHAIR_ONLY = EnumSet.of(CHAIR);

    /** How a row's request is made for one person. */
    enum Session { OWN, COPY_OF_OWN, FRESH, FRESH_AND_ENDS_ALL }

    record Row(String method, String template, Set<Role> allowed, Session session, Function<ApiClient, Reply> call) {
        String endpoint() {
            return method + " " + template;
        }
    }

    private static DemoFixture fx;
    private static final Map<Role, ApiClient> clients = new EnumMap<>(Role.class);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void signEveryoneIn() {
        fx = new DemoFixture();
        signInAll();
    }

    private static void signInAll() {
        for (Role role : Role.values()) {
            clients.put(role, People.signedIn(role));
        }
    }

    private static List<Row> rows() {
        String family = "/families/" + fx.taylors;
        String conference = "/conferences/" + fx.conference;
        String yesterday = LocalDate.now().minusDays(1).toString();
        var noRoles = Json.createArrayBuilder().build();
        List<Row> rows = new ArrayList<>();

        // Signing in and out
        rows.add(new Row("POST", "/auth/sign-in", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/sign-in", json("username", "teacher", "password", People.DEMO_PASSWORD))));
        rows.add(new Row("POST", "/auth/invitations/redeem", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/invitations/redeem", json("token", fx.freshInvitationToken()))));
        rows.add(new Row("POST", "/auth/codes", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/codes", json("email", "jess.taylor@example.org"))));
        rows.add(new Row("POST", "/auth/codes/verify", EVERYONE, Session.COPY_OF_OWN, c -> {
            String challenge = new ApiClient().post("/auth/codes", json("email", "jess.taylor@example.org")).json().getString("challengeId");
            return c.post("/auth/codes/verify", json("challengeId", challenge, "code", Mailbox.latestCode("jess.taylor@example.org")));
        }));
        rows.add(new Row("GET", "/auth/me", SIGNED_IN, Session.OWN, c -> c.get("/auth/me")));
        rows.add(new Row("POST", "/auth/sign-out", SIGNED_IN, Session.FRESH, c -> c.post("/auth/sign-out", null)));
        rows.add(new Row("POST", "/auth/sign-out-everywhere", SIGNED_IN, Session.FRESH_AND_ENDS_ALL,
                c -> c.post("/auth/sign-out-everywhere", null)));

        // Agencies and staff
        rows.add(new Row("GET", "/agencies", STAFF, Session.OWN, c -> c.get("/agencies")));
        rows.add(new Row("POST", "/agencies", ADMIN_ONLY, Session.OWN,
                c -> c.post("/agencies", json("name", fx.unique("Agency"), "kind", "VOLUNTARY"))));
        rows.add(new Row("GET", "/agencies/{agencyId}", STAFF, Session.OWN, c -> c.get("/agencies/" + fx.health)));
        rows.add(new Row("PUT", "/agencies/{agencyId}", ADMIN_ONLY, Session.OWN,
                c -> c.put("/agencies/" + fx.freshAgency(), json("name", fx.unique("Renamed"), "kind", "OTHER"))));
        rows.add(new Row("GET", "/agencies/{agencyId}/staff", INVOLVEMENT_MANAGERS, Session.OWN,
                c -> c.get("/agencies/" + fx.socialCare + "/staff")));
        rows.add(new Row("POST", "/agencies/{agencyId}/staff", ADMIN_ONLY, Session.OWN, c -> {
            String username = fx.unique("new").toLowerCase();
            return c.post("/agencies/" + fx.housing + "/staff", json("fullName", "New Person", "email", username + "@example.org",
                    "username", username, "password", "a-long-enough-password", "roles", noRoles));
        }));
        rows.add(new Row("PUT", "/staff/{staffId}", ADMIN_ONLY, Session.OWN, c -> c.put("/staff/" + fx.freshStaff(),
                json("fullName", "Renamed Person", "email", "renamed@example.org", "roles", noRoles, "active", true))));

        // Families, members, involvements, advocates
        rows.add(new Row("GET", "/families", SIGNED_IN, Session.OWN, c -> c.get("/families")));
        rows.add(new Row("POST", "/families", CASE_STAFF, Session.OWN,
                c -> c.post("/families", json("name", fx.unique("Family")))));
        rows.add(new Row("GET", "/families/{familyId}", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family)));
        rows.add(new Row("PUT", "/families/{familyId}", TAYLOR_WORKERS, Session.OWN,
                c -> c.put(family, json("name", "Taylor family", "reference", "RT-0001"))));
        rows.add(new Row("GET", "/families/{familyId}/members", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/members")));
        rows.add(new Row("POST", "/families/{familyId}/members", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(family + "/members", json("fullName", fx.unique("Cousin")))));
        rows.add(new Row("PUT", "/families/{familyId}/members/{memberId}", EnumSet.of(FAMILY_MEMBER), Session.OWN,
                c -> c.put(family + "/members/" + fx.ryan, json("fullName", "Ryan Taylor", "address", "12 Mill Lane, Riverside",
                        "preferredLanguage", "English"))));
        rows.add(new Row("GET", "/families/{familyId}/conferences", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/conferences")));
        rows.add(new Row("GET", "/families/{familyId}/involvements", EnumSet.of(ADMINISTRATOR, CHAIR, INVOLVED_STAFF, FAMILY_MEMBER, ADVOCATE),
                Session.OWN, c -> c.get(family + "/involvements")));
        rows.add(new Row("POST", "/families/{familyId}/involvements", INVOLVEMENT_MANAGERS, Session.OWN, c -> {
            String day = fx.nextPastDay();
            return c.post(family + "/involvements", json("agencyId", fx.housing, "leadPractitionerId", fx.housingOfficer,
                    "startsOn", day, "endsOn", day));
        }));
        rows.add(new Row("PUT", "/families/{familyId}/involvements/{involvementId}", INVOLVEMENT_MANAGERS, Session.OWN,
                c -> c.put(family + "/involvements/" + fx.healthInvolvement,
                        json("leadPractitionerId", fx.healthVisitor, "startsOn", fx.healthInvolvementStart))));
        rows.add(new Row("GET", "/families/{familyId}/advocates", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/advocates")));
        rows.add(new Row("POST", "/families/{familyId}/advocates", INVOLVEMENT_MANAGERS, Session.OWN,
                c -> c.post(family + "/advocates", json("fullName", "Extra Advocate", "email", fx.unique("adv").toLowerCase() + "@example.org",
                        "startsOn", LocalDate.now().toString()))));

        // Contacts
        rows.add(new Row("GET", "/families/{familyId}/contacts", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/contacts")));
        rows.add(new Row("POST", "/families/{familyId}/contacts", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(family + "/contacts", json("happenedOn", yesterday, "kind", "CALL", "summary", "Checked in by phone."))));
        rows.add(new Row("PUT", "/families/{familyId}/contacts/{contactId}", TAYLOR_WORKERS, Session.OWN,
                c -> c.put(family + "/contacts/" + fx.socialWorkerContact, json("happenedOn", LocalDate.now().minusMonths(5).toString(),
                        "kind", "REFERRAL", "summary", "Referral from school about attendance and a cold home."))));

        // The plan
        rows.add(new Row("GET", "/families/{familyId}/plan", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/plan")));
        rows.add(new Row("POST", "/families/{familyId}/plan/goals", TAYLOR_VIEWERS, Session.OWN,
                c -> c.post(family + "/plan/goals", json("title", fx.unique("Goal")))));
        rows.add(new Row("PUT", "/families/{familyId}/plan/goals/{goalId}", TAYLOR_VIEWERS, Session.OWN,
                c -> c.put(family + "/plan/goals/" + fx.firstGoal, json("title", "Ryan goes to school every day",
                        "description", "Ryan missed 18 days last term. He wants to be in the football team."))));
        rows.add(new Row("POST", "/families/{familyId}/plan/goals/{goalId}/actions", TAYLOR_VIEWERS, Session.OWN,
                c -> c.post(family + "/plan/goals/" + fx.firstGoal + "/actions",
                        json("description", fx.unique("Action"), "ownerKind", "FAMILY_MEMBER", "ownerId", fx.jess))));
        rows.add(new Row("PUT", "/families/{familyId}/plan/actions/{actionId}", TAYLOR_WORKERS, Session.OWN,
                c -> c.put(family + "/plan/actions/" + fx.agencyAction, json("description", "Call home by 9:30 when Ryan is not in",
                        "ownerKind", "AGENCY", "ownerId", fx.school, "status", "AGREED"))));

        // Conferences
        rows.add(new Row("GET", "/conferences", SIGNED_IN, Session.OWN, c -> c.get("/conferences")));
        rows.add(new Row("POST", "/conferences", CHAIR_ONLY, Session.OWN, c -> c.post("/conferences",
                json("familyId", fx.taylors, "kind", "CORE_GROUP", "scheduledStart", "2030-06-01T09:00:00Z"))));
        rows.add(new Row("GET", "/conferences/{conferenceId}", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference)));
        rows.add(new Row("PUT", "/conferences/{conferenceId}", CHAIR_ONLY, Session.OWN, c -> c.put(conference,
                json("kind", "REVIEW_CHILD_PROTECTION", "scheduledStart", fx.conferenceStart, "status", "SCHEDULED"))));
        rows.add(new Row("POST", "/conferences/{conferenceId}/invitees", CHAIR_ONLY, Session.OWN,
                c -> c.post("/conferences/" + fx.freshConference() + "/invitees",
                        json("role", "AGENCY_STAFF", "staffMemberId", fx.healthVisitor))));
        rows.add(new Row("DELETE", "/conferences/{conferenceId}/invitees/{inviteeId}", CHAIR_ONLY, Session.OWN, c -> {
            String fresh = fx.freshConference();
            return c.delete("/conferences/" + fresh + "/invitees/" + fx.freshInvitee(fresh));
        }));
        rows.add(new Row("POST", "/conferences/{conferenceId}/invitees/{inviteeId}/invitation", CHAIR_ONLY, Session.OWN,
                c -> c.post(conference + "/invitees/" + fx.jessInvitee + "/invitation", null)));
        rows.add(new Row("POST", "/conferences/{conferenceId}/agenda", CHAIR_ONLY, Session.OWN,
                c -> c.post(conference + "/agenda", json("title", fx.unique("Any other business")))));
        rows.add(new Row("PUT", "/conferences/{conferenceId}/agenda/{itemId}", CHAIR_ONLY, Session.OWN,
                c -> c.put(conference + "/agenda/" + fx.freshAgendaItem(fx.conference), json("title", fx.unique("Renamed item")))));
        rows.add(new Row("DELETE", "/conferences/{conferenceId}/agenda/{itemId}", CHAIR_ONLY, Session.OWN,
                c -> c.delete(conference + "/agenda/" + fx.freshAgendaItem(fx.conference))));

        // Sign-off, the family's view and dissent, closing and the record
        rows.add(new Row("GET", "/conferences/{conferenceId}/sign-off", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/sign-off")));
        rows.add(new Row("POST", "/conferences/{conferenceId}/signatures", TAYLOR_WORKERS, Session.OWN, c -> {
            String action = fx.socialCareAction();
            return c.post(conference + "/signatures", json("actionId", action, "contentHash", fx.contentHash(fx.conference, action)));
        }));
        rows.add(new Row("GET", "/conferences/{conferenceId}/statements", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/statements")));
        rows.add(new Row("POST", "/conferences/{conferenceId}/statements", EnumSet.of(FAMILY_MEMBER, ADVOCATE), Session.OWN,
                c -> c.post(conference + "/statements", json("stance", "AGREES"))));
        rows.add(new Row("POST", "/conferences/{conferenceId}/close", CHAIR_ONLY, Session.OWN,
                c -> c.post("/conferences/" + fx.freshLiveConference() + "/close", json("decisions", Json.createArrayBuilder().add("The plan carries on.").build()))));
        rows.add(new Row("GET", "/conferences/{conferenceId}/record", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/record")));
        rows.add(new Row("GET", "/conferences/{conferenceId}/minutes", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/minutes")));

        // Scheduling in the pages: rearranging, cancelling, invitations and the invitee's answers
        rows.add(new Row("GET", "/conferences/candidates", CHAIR_ONLY, Session.OWN, c -> c.get("/conferences/candidates?familyId=" + fx.taylors)));
        rows.add(new Row("PUT", "/conferences/{conferenceId}/arrangements", CHAIR_ONLY, Session.OWN,
                c -> c.put("/conferences/" + fx.freshConference() + "/arrangements", json("kind", "CORE_GROUP",
                        "scheduledStart", "2032-02-02T10:00:00Z", "venue", "Riverside Family Centre, Room 2"))));
        rows.add(new Row("POST", "/conferences/{conferenceId}/cancel", CHAIR_ONLY, Session.OWN,
                c -> c.post("/conferences/" + fx.freshConference() + "/cancel", json("reason", "The chair is ill."))));
        rows.add(new Row("POST", "/conferences/{conferenceId}/invitations", CHAIR_ONLY, Session.OWN,
                c -> c.post("/conferences/" + fx.freshConferenceWithJess() + "/invitations", null)));
        rows.add(new Row("POST", "/conferences/{conferenceId}/reply", TAYLOR_VIEWERS, Session.OWN,
                c -> c.post(conference + "/reply", json("answer", "COMING"))));
        rows.add(new Row("GET", "/conferences/{conferenceId}/calendar", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/calendar")));
        rows.add(new Row("POST", "/invitations/page", EVERYONE, Session.OWN,
                c -> c.post("/invitations/page", json("token", fx.freshInvitationToken()))));
        rows.add(new Row("POST", "/invitations/reply", EVERYONE, Session.OWN,
                c -> c.post("/invitations/reply", Json.createObjectBuilder().add("token", fx.freshInvitationToken())
                        .add("reply", Json.createObjectBuilder().add("answer", "NEEDS_HELP").add("language", "Polish")).build())));

        // Follow-up
        rows.add(new Row("GET", "/families/{familyId}/plan/actions/{actionId}/progress", TAYLOR_VIEWERS, Session.OWN,
                c -> c.get(family + "/plan/actions/" + fx.jessAction() + "/progress")));
        rows.add(new Row("POST", "/families/{familyId}/plan/actions/{actionId}/progress", EnumSet.of(FAMILY_MEMBER), Session.OWN,
                c -> c.post(family + "/plan/actions/" + fx.jessAction() + "/progress", json("status", "IN_PROGRESS", "note", "Going well."))));
        rows.add(new Row("GET", "/families/{familyId}/timescales", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/timescales")));
        rows.add(new Row("GET", "/dashboard", CHAIR_ONLY, Session.OWN, c -> c.get("/dashboard")));

        // Administration
        rows.add(new Row("GET", "/admin/audit/verification", ADMIN_ONLY, Session.OWN, c -> c.get("/admin/audit/verification")));
        rows.add(new Row("GET", "/admin/settings/reminders", ADMIN_ONLY, Session.OWN, c -> c.get("/admin/settings/reminders")));
        rows.add(new Row("PUT", "/admin/settings/reminders", ADMIN_ONLY, Session.OWN,
                c -> c.put("/admin/settings/reminders", json("daysAhead", 3))));
        rows.add(new Row("POST", "/admin/reminders/run", ADMIN_ONLY, Session.OWN, c -> c.post("/admin/reminders/run", null)));

        // The family's own record
        var familyOnly = EnumSet.of(FAMILY_MEMBER);
        rows.add(new Row("PUT", "/families/{familyId}/details/about", familyOnly, Session.OWN,
                c -> c.put(family + "/details/about", json("messageToWorkers", "Please knock loudly."))));
        rows.add(new Row("GET", "/families/{familyId}/details/history", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/details/history")));
        rows.add(new Row("GET", "/families/{familyId}/details/proposals", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/details/proposals")));
        rows.add(new Row("POST", "/families/{familyId}/details/members/{memberId}/proposals", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(family + "/details/members/" + fx.ryan + "/proposals", json("field", "PHONE", "value", "07700 900123",
                        "reason", "Given at school"))));
        rows.add(new Row("POST", "/families/{familyId}/details/proposals/{proposalId}/decision", familyOnly, Session.OWN,
                c -> c.post(family + "/details/proposals/" + fx.freshProposal() + "/decision", json("accept", false))));
        rows.add(new Row("GET", "/families/{familyId}/sharing", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/sharing")));
        rows.add(new Row("PUT", "/families/{familyId}/sharing/preferences", familyOnly, Session.OWN,
                c -> c.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", "DETAILS", "preference", "SHARE"))));
        rows.add(new Row("POST", "/families/{familyId}/sharing/overrides", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(family + "/sharing/overrides", json("kind", "REPORTS", "lawfulBasis", "STATUTORY_DUTY", "reason", "Section 47 enquiry"))));
        rows.add(new Row("PUT", "/families/{familyId}/sharing/decisions/{decisionId}/restriction", CHAIR_ONLY, Session.OWN,
                c -> c.put(family + "/sharing/decisions/" + fx.freshOverride() + "/restriction", json("reason", "Police enquiry",
                        "reviewOn", LocalDate.now().plusDays(30).toString()))));
        rows.add(new Row("GET", "/families/{familyId}/access-log", EnumSet.of(FAMILY_MEMBER, ADVOCATE), Session.OWN,
                c -> c.get(family + "/access-log")));
        rows.add(new Row("GET", "/families/{familyId}/contact-map", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/contact-map")));
        rows.add(new Row("GET", "/families/{familyId}/contact-map/chart.svg", TAYLOR_VIEWERS, Session.OWN,
                c -> c.get(family + "/contact-map/chart.svg")));
        rows.add(new Row("GET", "/families/{familyId}/my-data", familyOnly, Session.OWN, c -> c.get(family + "/my-data")));
        rows.add(new Row("GET", "/families/{familyId}/my-data/pdf", familyOnly, Session.OWN, c -> c.get(family + "/my-data/pdf")));
        rows.add(new Row("GET", "/conferences/{conferenceId}/reports", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/reports")));
        rows.add(new Row("POST", "/conferences/{conferenceId}/reports", TAYLOR_WORKERS, Session.OWN,
                c -> c.postBytes(conference + "/reports?fileName=report.pdf", "application/pdf", DemoFixture.samplePdf())));
        rows.add(new Row("POST", "/conferences/{conferenceId}/reports/{reportId}/share", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(conference + "/reports/" + fx.sharedReport() + "/share", null)));
        rows.add(new Row("GET", "/conferences/{conferenceId}/reports/{reportId}", TAYLOR_VIEWERS, Session.OWN,
                c -> c.get(conference + "/reports/" + fx.sharedReport())));
        return rows;
    }

    @Test
    void every_endpoint_of_the_api_has_a_row_in_the_matrix() {
        Set<String> inMatrix = rows().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inApi = endpointsOfTheApi();
        var missing = new TreeSet<>(inApi);
        missing.removeAll(inMatrix);
        var stale = new TreeSet<>(inMatrix);
        stale.removeAll(inApi);
        assertTrue(missing.isEmpty(), "Endpoints with no row in the authorisation matrix: " + missing);
        assertTrue(stale.isEmpty(), "Rows for endpoints that no longer exist: " + stale);
        assertEquals(rows().size(), inMatrix.size(), "each endpoint has exactly one row");
    }

    @Test
    void every_person_gets_exactly_the_access_the_policy_gives_them() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            // Refusals first, so that a refusal is never just "already gone" after an allowed change.
            List<Role> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(row.allowed())));
            order.addAll(row.allowed());
            for (Role role : order) {
                ApiClient client = switch (row.session()) {
                    case OWN -> clients.get(role);
                    case COPY_OF_OWN -> clients.get(role).sameBrowser();
                    case FRESH, FRESH_AND_ENDS_ALL -> People.signedIn(role);
                };
                Reply reply = row.call().apply(client);
                boolean allowed = row.allowed().contains(role);
                boolean ok = allowed ? reply.status() >= 200 && reply.status() < 300
                        : role == ANONYMOUS ? reply.status() == 401 : reply.status() == 403 || reply.status() == 404;
                if (!ok) {
                    wrong.add(row.endpoint() + " as " + role + ": expected " + (allowed ? "2xx" : "refusal") + ", got " + reply);
                }
                if (!allowed && reply.status() >= 400) {
                    assertTrue(reply.contentType().startsWith("application/problem+json"), row.endpoint() + " " + reply.contentType());
                }
                if (row.session() == Session.FRESH_AND_ENDS_ALL && allowed) {
                    signInAll();
                    fx.signInAgain();
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** "Who looked at my record" is complete: every read endpoint of a family's or a conference's data logs a staff read. */
    @Test
    void every_read_of_a_familys_record_by_staff_is_written_in_its_access_log() {
        var reads = rows().stream().filter(r -> r.method().equals("GET") && r.allowed().contains(INVOLVED_STAFF)
                && (r.template().contains("{familyId}") || r.template().contains("{conferenceId}"))).toList();
        assertTrue(reads.size() >= 20, "the read endpoints of a family's record: " + reads.size());
        List<String> unlogged = new ArrayList<>();
        var taylors = java.util.UUID.fromString(fx.taylors);
        for (Row row : reads) {
            long before = Database.count("select count(*) from record_access where family_id = ?", taylors);
            Reply reply = row.call().apply(clients.get(INVOLVED_STAFF));
            assertTrue(reply.status() == 200, row.endpoint() + ": " + reply);
            if (Database.count("select count(*) from record_access where family_id = ?", taylors) <= before) {
                unlogged.add(row.endpoint());
            }
        }
        assertTrue(unlogged.isEmpty(), "staff reads not in the family's access log: " + unlogged);
    }

    @Test
    void a_member_of_another_family_is_told_the_family_does_not_exist() {
        Reply reply = clients.get(OTHER_FAMILY_MEMBER).get("/families/" + fx.taylors);
        assertEquals(404, reply.status());
        Reply unknown = clients.get(OTHER_FAMILY_MEMBER).get("/families/" + java.util.UUID.randomUUID());
        assertEquals(reply.detail(), unknown.detail(), "an existing family and a made-up id look the same");
    }

    /** Every resource method under /api, as "METHOD /path/{param}", found by reflection. */
    private static Set<String> endpointsOfTheApi() {
        Set<String> endpoints = new TreeSet<>();
        String pkg = RestApplication.class.getPackageName();
        try {
            var folder = java.nio.file.Path.of(RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(pkg.replace('.', '/'));
            try (var files = Files.list(folder)) {
                for (var file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(pkg + "." + name);
                    Path classPath = type.getAnnotation(Path.class);
                    if (classPath == null) {
                        continue;
                    }
                    for (Method method : type.getDeclaredMethods()) {
                        String http = httpMethod(method);
                        if (http != null) {
                            Path methodPath = method.getAnnotation(Path.class);
                            endpoints.add(http + " " + normalise(classPath.value() + (methodPath == null ? "" : "/" + methodPath.value())));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
