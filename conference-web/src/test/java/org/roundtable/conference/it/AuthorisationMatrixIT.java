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
                c -> c.post("/auth/codes", json("email", "no-one-" + fx.unique("x").toLowerCase() + "@example.org"))));
        rows.add(new Row("POST", "/auth/codes/verify", EVERYONE, Session.COPY_OF_OWN, c -> {
            String challenge = new ApiClient().post("/auth/codes", json("email", "jess.taylor@example.org")).json().getString("challengeId");
            return c.post("/auth/codes/verify", json("challengeId", challenge, "code", Mailbox.latestCode("jess.taylor@example.org")));
        }));
        rows.add(new Row("POST", "/auth/addresses/confirm", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/addresses/confirm", json("token", fx.freshConfirmationToken()))));
        rows.add(new Row("POST", "/auth/unlock", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/unlock", json("token", fx.freshUnlockToken()))));
        rows.add(new Row("GET", "/auth/me", SIGNED_IN, Session.OWN, c -> c.get("/auth/me")));
        // Only families and advocates keep a language (staff pages are English); "en" keeps the demo as it was.
        rows.add(new Row("PUT", "/auth/me/language", EnumSet.of(FAMILY_MEMBER, ADVOCATE, OTHER_FAMILY_MEMBER), Session.OWN,
                c -> c.put("/auth/me/language", json("language", "en"))));
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
        rows.add(new Row("GET", "/staff/{staffId}", ADMIN_ONLY, Session.OWN, c -> c.get("/staff/" + fx.housingOfficer)));
        rows.add(new Row("POST", "/staff/{staffId}/sign-in-reset", ADMIN_ONLY, Session.OWN,
                c -> c.post("/staff/" + fx.freshStaff() + "/sign-in-reset", null)));
        rows.add(new Row("GET", "/agencies/{agencyId}/practitioners", STAFF, Session.OWN, c -> c.get("/agencies/" + fx.health + "/practitioners")));
        rows.add(new Row("POST", "/auth/password-setup/check", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/password-setup/check", json("token", fx.freshPasswordLinkToken()))));
        rows.add(new Row("POST", "/auth/password-setup", EVERYONE, Session.COPY_OF_OWN,
                c -> c.post("/auth/password-setup", json("token", fx.freshPasswordLinkToken(), "password", "a-long-enough-password"))));
        rows.add(new Row("GET", "/advocacy-organisations", STAFF, Session.OWN, c -> c.get("/advocacy-organisations")));
        rows.add(new Row("POST", "/advocacy-organisations", ADMIN_ONLY, Session.OWN,
                c -> c.post("/advocacy-organisations", json("name", fx.unique("Advocacy"), "contactPhone", "0808 157 0192"))));
        rows.add(new Row("GET", "/advocacy-organisations/{organisationId}", STAFF, Session.OWN,
                c -> c.get("/advocacy-organisations/" + fx.freshAdvocacyOrganisation())));
        rows.add(new Row("PUT", "/advocacy-organisations/{organisationId}", ADMIN_ONLY, Session.OWN,
                c -> c.put("/advocacy-organisations/" + fx.freshAdvocacyOrganisation(), json("name", fx.unique("Renamed advocacy")))));

        // Families, members, involvements, advocates
        rows.add(new Row("GET", "/families", SIGNED_IN, Session.OWN, c -> c.get("/families")));
        rows.add(new Row("POST", "/families", CASE_STAFF, Session.OWN,
                c -> c.post("/families", json("name", fx.unique("Family")))));
        rows.add(new Row("GET", "/families/{familyId}", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family)));
        rows.add(new Row("PUT", "/families/{familyId}", TAYLOR_WORKERS, Session.OWN,
                c -> c.put(family, json("name", "Taylor family", "reference", "RT-0001"))));
        rows.add(new Row("GET", "/families/{familyId}/members", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/members")));
        rows.add(new Row("POST", "/families/{familyId}/members", EnumSet.of(CHAIR, INVOLVED_STAFF, FAMILY_MEMBER), Session.OWN,
                c -> c.post(family + "/members", json("fullName", fx.unique("Cousin")))));
        rows.add(new Row("POST", "/families/{familyId}/members/{memberId}/end", EnumSet.of(CHAIR, INVOLVED_STAFF, FAMILY_MEMBER), Session.OWN,
                c -> c.post(family + "/members/" + fx.chair.post(family + "/members", json("fullName", fx.unique("Lodger")))
                        .json().getString("id") + "/end", null)));
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
        rows.add(new Row("POST", "/families/{familyId}/advocates", TAYLOR_WORKERS, Session.OWN,
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
        rows.add(new Row("GET", "/live/conferences/{conferenceId}/ice-servers", TAYLOR_VIEWERS, Session.OWN,
                c -> c.get("/live" + conference + "/ice-servers")));
        rows.add(new Row("POST", "/conferences/{conferenceId}/signatures", TAYLOR_WORKERS, Session.OWN, c -> {
            String action = fx.socialCareAction();
            return c.post(conference + "/signatures", json("actionId", action, "contentHash", fx.contentHash(fx.conference, action)));
        }));
        rows.add(new Row("GET", "/conferences/{conferenceId}/statements", TAYLOR_VIEWERS, Session.OWN, c -> c.get(conference + "/statements")));
        rows.add(new Row("POST", "/conferences/{conferenceId}/statements", EnumSet.of(FAMILY_MEMBER, ADVOCATE), Session.OWN,
                c -> c.post(conference + "/statements", json("stance", "AGREES"))));
        rows.add(new Row("POST", "/conferences/{conferenceId}/statements/{statementId}/withdrawal", EnumSet.of(FAMILY_MEMBER, ADVOCATE),
                Session.OWN, c -> c.post(conference + "/statements/" + clients.get(ADVOCATE).post(conference + "/statements",
                        json("stance", "AGREES", "forMemberId", fx.jess)).json().getString("id") + "/withdrawal", null)));
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
        rows.add(new Row("GET", "/admin/cluster", ADMIN_ONLY, Session.OWN, c -> c.get("/admin/cluster?familyId=" + fx.taylors)));

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
        rows.add(new Row("GET", "/families/{familyId}/staff-contacts", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/staff-contacts")));
        rows.add(new Row("PUT", "/families/{familyId}/sharing/preferences", familyOnly, Session.OWN,
                c -> c.put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", "DETAILS", "preference", "SHARE"))));
        rows.add(new Row("POST", "/families/{familyId}/sharing/overrides", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(family + "/sharing/overrides", json("kind", "REPORTS", "lawfulBasis", "STATUTORY_DUTY", "reason", "Section 47 enquiry",
                        "reviewOn", LocalDate.now().plusDays(30).toString()))));
        rows.add(new Row("POST", "/families/{familyId}/sharing/decisions/{decisionId}/renewal", TAYLOR_WORKERS, Session.OWN,
                c -> c.post(family + "/sharing/decisions/" + fx.freshOverride() + "/renewal", json("lawfulBasis", "STATUTORY_DUTY",
                        "reason", "Section 47 enquiry goes on", "reviewOn", LocalDate.now().plusDays(60).toString()))));
        rows.add(new Row("POST", "/families/{familyId}/sharing/requests", TAYLOR_WORKERS, Session.OWN, fx::askForContacts));
        rows.add(new Row("POST", "/families/{familyId}/sharing/requests/{requestId}/answer", familyOnly, Session.OWN,
                c -> c.post(family + "/sharing/requests/" + fx.freshRequest() + "/answer", json("share", false))));
        rows.add(new Row("GET", "/families/{familyId}/sharing/preview", familyOnly, Session.OWN,
                c -> c.get(family + "/sharing/preview?agencyId=" + fx.school + "&kind=PLAN&preference=DO_NOT_SHARE")));
        rows.add(new Row("GET", "/conferences/{conferenceId}/sharing", CHAIR_ONLY, Session.OWN, c -> c.get(conference + "/sharing")));
        rows.add(new Row("PUT", "/families/{familyId}/sharing/decisions/{decisionId}/restriction", CHAIR_ONLY, Session.OWN,
                c -> c.put(family + "/sharing/decisions/" + fx.freshOverride() + "/restriction", json("reason", "Police enquiry",
                        "reviewOn", LocalDate.now().plusDays(30).toString()))));
        rows.add(new Row("GET", "/families/{familyId}/access-log", EnumSet.of(FAMILY_MEMBER, ADVOCATE), Session.OWN,
                c -> c.get(family + "/access-log")));
        rows.add(new Row("GET", "/families/{familyId}/access-log/days", EnumSet.of(FAMILY_MEMBER, ADVOCATE), Session.OWN,
                c -> c.get(family + "/access-log/days")));
        rows.add(new Row("GET", "/families/{familyId}/contact-map", TAYLOR_VIEWERS, Session.OWN, c -> c.get(family + "/contact-map")));
        rows.add(new Row("GET", "/families/{familyId}/contact-map/chart.svg", TAYLOR_VIEWERS, Session.OWN,
                c -> c.get(family + "/contact-map/chart.svg")));
        rows.add(new Row("GET", "/families/{familyId}/my-data", familyOnly, Session.OWN, c -> c.get(family + "/my-data")));
        rows.add(new Row("GET", "/families/{familyId}/my-data/pdf", familyOnly, Session.OWN, c -> c.get(family + "/my-data/pdf")));
        rows.add(new Row("GET", "/families/{familyId}/my-data/zip", familyOnly, Session.OWN, c -> c.get(family + "/my-data/zip")));
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
                && (r.template().contains("{familyId}") || r.template().contains("{conferenceId}"))
                && !r.template().endsWith("/ice-servers")).toList(); // how to reach the call: nothing of the family's record
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

    /** What a live message does when this person sends it: allowed, or refused with "forbidden". */
    private static final Set<String> CHAIR_ONLY_MESSAGES = Set.of("moveAgenda", "clearHand", "startPrivate", "endPrivate");

    /** A message of each type the protocol has, ready to send in a room. */
    private static jakarta.json.JsonObject liveMessage(String type, LiveClient who, String agendaItem, String excludedInvitee) {
        var message = Json.createObjectBuilder().add("type", type);
        String goal = who.plan().goals().get(0).id();
        switch (type) {
            case "submit" -> message.add("changeId", java.util.UUID.randomUUID().toString())
                    .add("baseRevision", who.welcome.getJsonNumber("revision").longValue())
                    .add("ops", org.roundtable.shared.plan.PlanJson.toJson(List.of(new org.roundtable.shared.plan.PlanOperation.CreateGoal(
                            java.util.UUID.randomUUID().toString(), org.roundtable.shared.plan.FractionalIndex.between(
                                    lastGoalPosition(who), null), fx.unique("Live goal")))));
            case "presence" -> message.add("editing", Json.createObjectBuilder().add("id", goal).add("field", "TITLE"));
            case "comment" -> message.add("id", goal).add("text", "A comment.");
            case "moveAgenda" -> message.add("itemId", agendaItem);
            case "clearHand" -> message.add("participantId", excludedInvitee);
            case "startPrivate" -> message.add("excluded", Json.createArrayBuilder().add(excludedInvitee)).add("reason", "Third party");
            // Whom signalling may reach is SignallingIT's; here: anyone in the room may send it, and no such peer is refused.
            case "signal" -> { return Json.createObjectBuilder().add("type", "rtc.hangup").add("to", java.util.UUID.randomUUID().toString()).build(); }
            case "media" -> message.add("joined", false).add("audio", false).add("video", false).add("voiceOnly", false);
            default -> { }
        }
        return message.build();
    }

    private static String lastGoalPosition(LiveClient who) {
        var goals = who.plan().goals();
        return goals.isEmpty() ? null : goals.get(goals.size() - 1).get(org.roundtable.shared.plan.PlanField.POSITION);
    }

    private static String liveTypeOf(Class<?> messageClass) {
        String name = messageClass.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Every live message type, sent by every kind of person: those not invited (staff of an
     * uninvolved agency, staff of an involved one who was not invited, the other family, the
     * administrator, nobody) cannot join; of those in the room only the conference's chair may
     * steer it, not a second chair invited as agency staff; an invited agency the family does not
     * share the plan with is in the room, but changes and comments on nothing but its own actions.
     */
    @Test
    void every_live_message_type_is_allowed_or_refused_for_every_kind_of_person() {
        String conference = fx.freshLiveConference();
        var demo = fx.chair.get("/conferences/" + fx.conference).json();
        String secondChairName = fx.unique("chair2").toLowerCase();
        Reply created = fx.admin.post("/agencies/" + fx.socialCare + "/staff", json("fullName", "Second Chair", "email",
                secondChairName + "@example.org", "username", secondChairName, "password", "a-long-enough-password",
                "roles", Json.createArrayBuilder().add("CHAIR").build()));
        assertEquals(201, created.status(), created::toString);
        String jessInvitee = null;
        for (var v : demo.getJsonArray("invitees")) {
            var invitee = v.asJsonObject();
            String role = invitee.getString("role");
            if (role.equals("CHAIR") || invitee.getString("name").equals("Grace Mensah")) {
                continue; // the health visitor stays uninvited: involved, but not in this room
            }
            String key = switch (invitee.getString("personKind")) {
                case "STAFF" -> "staffMemberId";
                case "FAMILY_MEMBER" -> "familyMemberId";
                default -> "advocateId";
            };
            var view = fx.chair.post("/conferences/" + conference + "/invitees", json("role", role, key, invitee.getString("personId"))).json();
            if (invitee.getString("name").equals("Jess Taylor")) {
                jessInvitee = DemoFixture.idWhere(view, "invitees", "name", "Jess Taylor");
            }
        }
        var view = fx.chair.post("/conferences/" + conference + "/invitees", json("role", "AGENCY_STAFF", "staffMemberId",
                created.json().getString("id"))).json();
        String agendaItem = fx.freshAgendaItem(conference);

        Map<String, ApiClient> people = new java.util.LinkedHashMap<>();
        people.put("the chair", clients.get(CHAIR));
        people.put("a second chair, invited as staff", People.staff(secondChairName, "a-long-enough-password"));
        people.put("an invited worker", clients.get(INVOLVED_STAFF));
        people.put("the family member", clients.get(FAMILY_MEMBER));
        people.put("the advocate", clients.get(ADVOCATE));
        // Invited, but the family does not share the plan with the school: in the room for its own actions only.
        String notShared = "the school's teacher, not shared the plan";
        people.put(notShared, People.staff("teacher"));
        Map<String, ApiClient> outsiders = new java.util.LinkedHashMap<>();
        outsiders.put("staff of an uninvolved agency", clients.get(UNINVOLVED_STAFF));
        outsiders.put("involved staff not invited", People.staff("health.visitor"));
        outsiders.put("a member of another family", clients.get(OTHER_FAMILY_MEMBER));
        outsiders.put("the administrator", clients.get(ADMINISTRATOR));

        List<String> types = java.util.Arrays.stream(org.roundtable.shared.protocol.ClientMessage.class.getPermittedSubclasses())
                .map(AuthorisationMatrixIT::liveTypeOf).toList();
        assertTrue(types.containsAll(List.of("hello", "submit", "startPrivate", "ping")), types::toString);
        List<String> wrong = new ArrayList<>();
        for (var person : people.entrySet()) {
            boolean partOfPlan = person.getKey().equals(notShared);
            if (partOfPlan) {
                schoolSharedThePlan("DO_NOT_SHARE");
            }
            try (LiveClient live = LiveClient.connect(person.getValue(), conference)) {
                live.hello();
                for (String type : types) {
                    if (type.equals("hello")) {
                        continue; // the join itself, just answered with a welcome
                    }
                    live.send(liveMessage(type, live, agendaItem, jessInvitee));
                    if (!type.equals("ping")) {
                        live.send(Json.createObjectBuilder().add("type", "ping").build());
                    }
                    var answer = live.nextMatching(m -> m.getString("type").equals("pong") || m.getString("type").equals("error"), 10);
                    if (answer.getString("type").equals("error")) {
                        live.next("pong");
                    }
                    boolean chair = person.getKey().equals("the chair");
                    boolean allowed = !CHAIR_ONLY_MESSAGES.contains(type) || chair;
                    String got = answer.getString("type").equals("error") ? answer.getString("code") : "allowed";
                    if (type.equals("signal") && got.equals("unknown-peer")) {
                        continue;
                    }
                    // Shown only its own actions, the school may not change a goal, nor hear of one's comments.
                    String expected = !allowed ? "forbidden" : !partOfPlan ? "allowed"
                            : type.equals("submit") ? "forbidden" : type.equals("comment") ? "unknown-id" : "allowed";
                    if (!got.equals(expected)) {
                        wrong.add(type + " from " + person.getKey() + ": expected " + expected + ", got " + answer);
                    }
                }
            } finally {
                if (partOfPlan) {
                    schoolSharedThePlan("SHARE");
                }
            }
        }
        for (var outsider : outsiders.entrySet()) {
            LiveClient live = LiveClient.connect(outsider.getValue(), conference);
            var closed = live.closedWithin(3);
            if (closed.isEmpty() || closed.get().getCloseCode().getCode() != 4403) {
                wrong.add(outsider.getKey() + " joined the room: " + closed);
            }
            live.close();
        }
        try {
            LiveClient.connect(null, conference, ApiClient.BASE.toString()).close();
            wrong.add("someone not signed in opened a live connection");
        } catch (IllegalStateException refused) {
            // refused at the handshake, as it must be
        }
        assertTrue(view.getJsonArray("invitees").size() >= 5, view::toString);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void schoolSharedThePlan(String preference) {
        assertEquals(200, clients.get(FAMILY_MEMBER).put("/families/" + fx.taylors + "/sharing/preferences",
                json("agencyId", fx.school, "kind", "PLAN", "preference", preference)).status());
    }

    /** Ids of the same kinds as the Taylors', belonging to the Novak family or to another conference. */
    private static Map<String, String> foreignIds() {
        ApiClient housing = clients.get(UNINVOLVED_STAFF);
        String novaks = housing.get("/families").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(f -> f.getString("name").equals("Novak family")).findFirst().orElseThrow().getString("id");
        String family = "/families/" + novaks;
        var view = housing.get(family).json();
        String anna = DemoFixture.idWhere(view, "members", "fullName", "Anna Novak");
        String goalTitle = fx.unique("Novak goal");
        var plan = housing.post(family + "/plan/goals", json("title", goalTitle)).json();
        String goal = DemoFixture.idWhere(plan, "goals", "title", goalTitle);
        String actionWords = fx.unique("Novak action");
        plan = housing.post(family + "/plan/goals/" + goal + "/actions", json("description", actionWords, "ownerKind", "FAMILY_MEMBER",
                "ownerId", anna)).json();
        String action = plan.getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(actionWords)).findFirst().orElseThrow()
                .getString("id");
        String contact = housing.post(family + "/contacts", json("happenedOn", LocalDate.now().toString(), "kind", "CALL",
                "summary", "Rent arrears call.")).json().getString("id");
        String involvement = DemoFixture.idWhere(view, "involvements", "agencyName", "Riverside Housing");
        String proposal = housing.post(family + "/details/members/" + anna + "/proposals", json("field", "PHONE", "value", "07700 900999",
                "reason", "Given at the housing office")).json().getString("id");
        String reason = fx.unique("Arrears");
        // The Novaks want to be asked before housing sees their reports; housing asks.
        Database.update("insert into sharing_preference (family_id, agency_id, kind, preference, set_by_name, set_at) "
                + "values (?, ?, 'REPORTS', 'ASK_FIRST', 'Anna Novak', now()) on conflict do nothing",
                java.util.UUID.fromString(novaks), java.util.UUID.fromString(fx.housing));
        String decision = housing.post(family + "/sharing/overrides", json("kind", "CONTACTS", "lawfulBasis", "STATUTORY_DUTY",
                "reason", reason, "reviewOn", LocalDate.now().plusDays(30).toString())).json().getJsonArray("ledger").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("reason").equals(reason)).findFirst().orElseThrow().getString("id");
        // (the override made the server forget its cached answers, so the preference written above counts)
        Reply asked = housing.post(family + "/sharing/requests", json("kind", "REPORTS", "reason", fx.unique("Arrears report"), "days", 7));
        assertTrue(asked.status() == 201 || asked.status() == 400, asked::toString);
        String request = housing.get(family + "/sharing").json().getJsonArray("requests").getJsonObject(0).getString("id");
        String other = fx.freshConference();
        Reply report = fx.chair.postBytes("/conferences/" + other + "/reports?fileName=other.pdf", "application/pdf", DemoFixture.samplePdf());
        assertEquals(201, report.status(), report::toString);
        return Map.ofEntries(Map.entry("familyId", novaks), Map.entry("memberId", anna), Map.entry("goalId", goal),
                Map.entry("actionId", action), Map.entry("contactId", contact), Map.entry("involvementId", involvement),
                Map.entry("proposalId", proposal), Map.entry("decisionId", decision), Map.entry("requestId", request), Map.entry("conferenceId", other),
                Map.entry("inviteeId", fx.freshInvitee(other)), Map.entry("itemId", fx.freshAgendaItem(other)),
                Map.entry("reportId", report.json().getString("id")));
    }

    /** The path with the id at one parameter of the template replaced by a foreign one. */
    private static String swap(String template, String path, String param, String foreignId) {
        int query = path.indexOf('?');
        String[] actual = (query < 0 ? path : path.substring(0, query)).split("/");
        String[] wanted = template.split("/");
        for (int i = 0; i < wanted.length && i < actual.length; i++) {
            if (wanted[i].equals("{" + param + "}")) {
                actual[i] = foreignId;
            }
        }
        return String.join("/", actual) + (query < 0 ? "" : path.substring(query));
    }

    /**
     * An id from another family (or another conference) put into any level of any path never
     * reaches through: the family's own people, and the other family's, are refused every mix.
     */
    @Test
    void ids_swapped_between_two_real_families_at_any_level_of_any_path_are_refused() {
        Map<String, String> foreign = foreignIds();
        Set<Role> seeNovaks = EnumSet.of(ADMINISTRATOR, UNINVOLVED_STAFF, OTHER_FAMILY_MEMBER);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Row row : rows()) {
            List<String> params = new ArrayList<>();
            var matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(row.template());
            while (matcher.find()) {
                params.add(matcher.group(1));
            }
            List<String> mapped = params.stream().filter(foreign::containsKey).toList();
            for (String param : mapped) {
                Set<Role> callers = EnumSet.noneOf(Role.class);
                callers.addAll(row.allowed());
                callers.remove(ANONYMOUS);
                if (params.size() == 1) {
                    if (!param.equals("familyId")) {
                        continue; // another conference of the same family is legitimately the chair's
                    }
                    callers.removeAll(seeNovaks);
                } else if (param.equals("familyId")) {
                    callers.addAll(EnumSet.of(UNINVOLVED_STAFF, OTHER_FAMILY_MEMBER));
                }
                for (Role role : callers) {
                    ApiClient swapped = clients.get(role).rewritingPaths(path -> swap(row.template(), path, param, foreign.get(param)));
                    Reply reply = row.call().apply(swapped);
                    tried++;
                    if (reply.status() / 100 == 2) {
                        wrong.add(row.endpoint() + " with another " + param + " as " + role + ": " + reply);
                    }
                }
            }
        }
        assertTrue(tried > 100, "swaps tried: " + tried);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * Every resource method the deployment serves under /api, as "METHOD /path/{param}": every
     * class in the WAR (WEB-INF/classes and the jars of WEB-INF/lib, any package, nested classes
     * too) that JAX-RS would serve, with sub-resource locators followed.
     */
    private static Set<String> endpointsOfTheApi() {
        Set<String> endpoints = new TreeSet<>();
        for (String className : classesInTheWar()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, AuthorisationMatrixIT.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("A class of the deployment that mentions JAX-RS cannot be inspected: " + className, e);
            }
            Path classPath = type.getAnnotation(Path.class);
            if (classPath != null && !type.isInterface() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                collect(type, classPath.value(), endpoints, 0);
            }
        }
        return endpoints;
    }

    private static void collect(Class<?> type, String prefix, Set<String> endpoints, int depth) {
        for (Method method : type.getMethods()) {
            String http = httpMethod(method);
            Path methodPath = annotation(method, Path.class);
            String path = normalise(prefix + (methodPath == null ? "" : "/" + methodPath.value()));
            if (http != null) {
                endpoints.add(http + " " + path);
            } else if (methodPath != null && depth < 5) {
                // A sub-resource locator: what the returned resource serves, under this path.
                collect(method.getReturnType(), path, endpoints, depth + 1);
            }
        }
    }

    /** Names of the classes in the WAR whose bytes mention JAX-RS annotations. */
    private static List<String> classesInTheWar() {
        var war = java.nio.file.Path.of(System.getProperty("roundtable.war", "target/roundtable.war"));
        List<String> names = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(war.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
                    addIfJaxRs(name.substring("WEB-INF/classes/".length()), zip.getInputStream(entry).readAllBytes(), names);
                } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    try (var jar = new java.util.zip.ZipInputStream(zip.getInputStream(entry))) {
                        for (var inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                            if (inner.getName().endsWith(".class")) {
                                addIfJaxRs(inner.getName(), jar.readAllBytes(), names);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the deployment " + war, e);
        }
        assertTrue(names.size() >= 15, "the WAR's resource classes were found: " + names);
        return names;
    }

    private static void addIfJaxRs(String file, byte[] bytes, List<String> names) {
        if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Ljakarta/ws/rs/Path;")
                && !file.startsWith("META-INF/")) {
            names.add(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
        }
    }

    /** An annotation on a method, or on the method it implements (JAX-RS annotations are inherited that way). */
    private static <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> kind) {
        A found = method.getAnnotation(kind);
        if (found != null) {
            return found;
        }
        for (Class<?> up = method.getDeclaringClass(); up != null; up = up.getSuperclass()) {
            for (Class<?> parent : up.getInterfaces()) {
                try {
                    found = parent.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(kind);
                    if (found != null) {
                        return found;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared there
                }
            }
        }
        return null;
    }

    private static String httpMethod(Method method) {
        for (var annotation : annotationsOf(method)) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<java.lang.annotation.Annotation> annotationsOf(Method method) {
        List<java.lang.annotation.Annotation> all = new ArrayList<>(List.of(method.getAnnotations()));
        for (Class<?> parent : method.getDeclaringClass().getInterfaces()) {
            try {
                all.addAll(List.of(parent.getMethod(method.getName(), method.getParameterTypes()).getAnnotations()));
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return all;
    }

    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
