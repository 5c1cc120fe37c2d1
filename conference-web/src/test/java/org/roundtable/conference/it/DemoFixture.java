package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roundtable.conference.it.JsonBodies.json;

import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.roundtable.conference.it.ApiClient.Reply;

/** Ids from the demo data, looked up through the API, and ways to make fresh things to act on. */
final class DemoFixture {

    ApiClient admin = People.signedIn(Role.ADMINISTRATOR);
    ApiClient chair = People.signedIn(Role.CHAIR);
    final String taylors;
    final String jess;
    final String ryan;
    final String conference;
    final String jessInvitee;
    final String socialCare;
    final String health;
    final String housing;
    final String housingOfficer;
    final String healthVisitor;
    final String healthInvolvement;
    final String healthInvolvementStart;
    final String school;
    final String conferenceStart;
    final String socialWorkerContact;
    final String firstGoal;
    final String agencyAction;
    private final AtomicInteger counter = new AtomicInteger();

    DemoFixture() {
        taylors = SignInIT.taylorFamilyId(chair);
        var family = chair.get("/families/" + taylors).json();
        jess = idWhere(family, "members", "fullName", "Jess Taylor");
        ryan = idWhere(family, "members", "fullName", "Ryan Taylor");
        healthInvolvement = idWhere(family, "involvements", "agencyName", "Riverside Health Visiting");
        healthInvolvementStart = family.getJsonArray("involvements").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("id").equals(healthInvolvement)).findFirst().orElseThrow().getString("startsOn");
        conference = SignInIT.demoConferenceId(chair);
        var conferenceView = chair.get("/conferences/" + conference).json();
        jessInvitee = idWhere(conferenceView, "invitees", "name", "Jess Taylor");
        conferenceStart = conferenceView.getString("scheduledStart");
        var agencies = admin.get("/agencies?size=100").json();
        socialCare = idWhere(agencies, "items", "name", "Riverside Children's Services");
        health = idWhere(agencies, "items", "name", "Riverside Health Visiting");
        housing = idWhere(agencies, "items", "name", "Riverside Housing");
        school = idWhere(agencies, "items", "name", "Oakfield Primary School");
        housingOfficer = idWhere(admin.get("/agencies/" + housing + "/staff").json(), "items", "username", "housing.officer");
        healthVisitor = idWhere(admin.get("/agencies/" + health + "/staff").json(), "items", "username", "health.visitor");
        socialWorkerContact = chair.get("/families/" + taylors + "/contacts?size=100").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getString("recordedByName").equals("Sam Okafor"))
                .findFirst().orElseThrow().getString("id");
        var plan = chair.get("/families/" + taylors + "/plan").json();
        var goal = plan.getJsonArray("goals").getJsonObject(0);
        firstGoal = goal.getString("id");
        agencyAction = goal.getJsonArray("actions").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("ownerKind").equals("AGENCY")).findFirst().orElseThrow().getString("id");
    }

    /** The chair, signed in again (after the clock moved, or someone signed out everywhere). */
    ApiClient signInAgainAndGetChair() {
        signInAgain();
        return chair;
    }

    /** After someone signed out everywhere, the fixture's own sessions are gone too. */
    void signInAgain() {
        admin = People.signedIn(Role.ADMINISTRATOR);
        chair = People.signedIn(Role.CHAIR);
    }

    String unique(String prefix) {
        return prefix + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The link token emailed to a new family member's address, not yet used. */
    String freshConfirmationToken() {
        String email = unique("confirm").toLowerCase() + "@example.org";
        Reply added = chair.post("/families/" + taylors + "/members", json("fullName", "Confirming Taylor", "email", email));
        assertEquals(201, added.status(), added::toString);
        return tokenFrom(email, "Confirm", "/confirm-email\\?token=([A-Za-z0-9_%-]+)");
    }

    private String lockedOut;

    /** The unlock link token emailed after a member of staff was locked out, not yet used. */
    synchronized String freshUnlockToken() {
        if (lockedOut == null) {
            lockedOut = unique("lockedout").toLowerCase();
            Reply created = admin.post("/agencies/" + school + "/staff", json("fullName", "Locked Out", "email", lockedOut + "@example.org",
                    "username", lockedOut, "password", "a-long-enough-password", "roles", jakarta.json.Json.createArrayBuilder().build()));
            assertEquals(201, created.status(), created::toString);
        }
        String email = lockedOut + "@example.org";
        int before = Mailbox.count(email, "sign in");
        for (int i = 0; i < 5; i++) {
            new ApiClient().post("/auth/sign-in", json("username", lockedOut, "password", "wrong-" + i));
        }
        Mailbox.awaitCount(email, "sign in", before + 1);
        return tokenFrom(email, "sign in", "/unlock\\?token=([A-Za-z0-9_%-]+)");
    }

    private static String tokenFrom(String email, String subject, String pattern) {
        Mailbox.awaitCount(email, subject, 1);
        var m = java.util.regex.Pattern.compile(pattern).matcher(Mailbox.body(Mailbox.latest(email, subject)));
        if (!m.find()) {
            throw new AssertionError("No link in the email to " + email + " about '" + subject + "'");
        }
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A day long past, different each time: for involvements that must not overlap. */
    String nextPastDay() {
        return java.time.LocalDate.of(1950, 1, 1).plusDays(counter.incrementAndGet()).toString();
    }

    /** A conference the chair has just scheduled for the Taylors, to be changed without disturbing others. */
    String freshConference() {
        Reply created = chair.post("/conferences", json("familyId", taylors, "kind", "CORE_GROUP",
                "scheduledStart", "2031-01-0" + (1 + counter.incrementAndGet() % 9) + "T10:00:00Z"));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    /** A fresh conference with Jess on its list, her invitation not yet sent. */
    String freshConferenceWithJess() {
        String id = freshConference();
        Reply invited = chair.post("/conferences/" + id + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", jess));
        assertEquals(200, invited.status(), invited::toString);
        return id;
    }

    /** A conference the chair has scheduled and opened, ready to be closed. */
    String freshLiveConference() {
        String id = freshConference();
        var view = chair.get("/conferences/" + id).json();
        Reply opened = chair.put("/conferences/" + id, json("kind", "CORE_GROUP", "scheduledStart", view.getString("scheduledStart"),
                "status", "LIVE"));
        assertEquals(200, opened.status(), opened::toString);
        return id;
    }

    /** Closes a live conference the way the closing pages do: everyone's attendance and a decision. */
    Reply close(String conferenceId) {
        var invitees = chair.get("/conferences/" + conferenceId).json().getJsonArray("invitees");
        var attendance = jakarta.json.Json.createArrayBuilder();
        invitees.stream().map(v -> v.asJsonObject()).filter(i -> !i.getString("role").equals("CHAIR"))
                .forEach(i -> attendance.add(jakarta.json.Json.createObjectBuilder().add("inviteeId", i.getString("id")).add("attendance", "ATTENDED")));
        return chair.post("/conferences/" + conferenceId + "/close", jakarta.json.Json.createObjectBuilder().add("attendance", attendance)
                .add("decisions", jakarta.json.Json.createArrayBuilder().add("The plan carries on.")).build());
    }

    private String socialCareAction;
    private String jessAction;

    /** An action of the Taylors' plan owned by the chair's and social worker's agency. */
    synchronized String socialCareAction() {
        if (socialCareAction == null) {
            socialCareAction = newAction("AGENCY", socialCare);
        }
        return socialCareAction;
    }

    /** An action of the Taylors' plan owned by Jess. */
    synchronized String jessAction() {
        if (jessAction == null) {
            jessAction = newAction("FAMILY_MEMBER", jess);
        }
        return jessAction;
    }

    private String newAction(String ownerKind, String ownerId) {
        String words = unique("Owned action");
        var plan = chair.post("/families/" + taylors + "/plan/goals/" + firstGoal + "/actions",
                json("description", words, "ownerKind", ownerKind, "ownerId", ownerId)).json();
        return plan.getJsonArray("goals").stream().flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .map(v -> v.asJsonObject()).filter(a -> a.getString("description").equals(words)).findFirst().orElseThrow()
                .getString("id");
    }

    /** The hash a signer sends: the action as it is now in the conference's sign-off. */
    String contentHash(String conferenceId, String actionId) {
        return chair.get("/conferences/" + conferenceId + "/sign-off").json().getJsonArray("actions").stream()
                .map(v -> v.asJsonObject()).filter(a -> a.getString("actionId").equals(actionId)).findFirst().orElseThrow()
                .getString("contentHash");
    }

    /** A correction the chair suggests for Ryan, waiting for the family's decision. */
    String freshProposal() {
        Reply made = chair.post("/families/" + taylors + "/details/members/" + ryan + "/proposals",
                json("field", "PREFERRED_LANGUAGE", "value", "English", "reason", unique("Checked at school")));
        assertEquals(201, made.status(), made::toString);
        return made.json().getString("id");
    }

    /** An override the chair records for their agency, as a ledger entry to restrict. */
    String freshOverride() {
        String reason = unique("Needed for the core group");
        Reply made = chair.post("/families/" + taylors + "/sharing/overrides", json("kind", "REPORTS", "lawfulBasis", "STATUTORY_DUTY",
                "reason", reason, "reviewOn", java.time.LocalDate.now().plusDays(30).toString()));
        assertEquals(201, made.status(), made::toString);
        return made.json().getJsonArray("ledger").stream().map(v -> v.asJsonObject()).filter(e -> e.getString("reason").equals(reason))
                .findFirst().orElseThrow().getString("id");
    }

    private ApiClient familyMember;

    /**
     * Ends every override of the Taylors' wishes in force for this agency and kind, as if their
     * review dates had come (other tests' overrides would otherwise share it for weeks). The next
     * change through the API makes the server forget its cached answers.
     */
    void endOverrides(String agencyId, String kind) {
        Database.update("update sharing_decision set review_on = current_date where family_id = ? and agency_id = ? and kind = ? "
                + "and review_on > current_date", UUID.fromString(taylors), UUID.fromString(agencyId), kind);
    }

    /** Jess, signed in once and again only when her session has gone (a code per sign-in is limited). */
    synchronized ApiClient familyMember() {
        if (familyMember == null || familyMember.get("/auth/me").status() != 200) {
            familyMember = People.signedIn(Role.FAMILY_MEMBER);
        }
        return familyMember;
    }

    /** Closes every request waiting for the Taylors' answer, and sets their choice for social care's view of their contacts. */
    synchronized void socialCareContacts(String preference) {
        Database.update("update sharing_request set answer = 'NO', answered_by_name = 'Test', answered_at = now() "
                + "where family_id = ? and answer is null", UUID.fromString(taylors));
        // Through the API, so the server forgets its cached answers.
        Reply set = familyMember().put("/families/" + taylors + "/sharing/preferences",
                json("agencyId", socialCare, "kind", "CONTACTS", "preference", preference));
        assertEquals(200, set.status(), set::toString);
    }

    /** Asks as this person for the Taylors' contacts, with the family wanting to be asked first; then puts things back. */
    Reply askForContacts(ApiClient asker) {
        socialCareContacts("ASK_FIRST");
        try {
            return asker.post("/families/" + taylors + "/sharing/requests", json("kind", "CONTACTS", "reason", unique("For the review"),
                    "days", 7));
        } finally {
            socialCareContacts("SHARE");
        }
    }

    /** A request from social care for the Taylors' contacts, waiting for the family's answer (the family shares them meanwhile). */
    String freshRequest() {
        socialCareContacts("ASK_FIRST");
        String reason = unique("For the review");
        Reply asked = chair.post("/families/" + taylors + "/sharing/requests", json("kind", "CONTACTS", "reason", reason, "days", 7));
        assertEquals(201, asked.status(), asked::toString);
        Reply back = familyMember().put("/families/" + taylors + "/sharing/preferences",
                json("agencyId", socialCare, "kind", "CONTACTS", "preference", "SHARE"));
        assertEquals(200, back.status(), back::toString);
        return asked.json().getJsonArray("requests").stream().map(v -> v.asJsonObject()).filter(r -> r.getString("reason").equals(reason))
                .findFirst().orElseThrow().getString("id");
    }

    private String sharedReport;

    /** A report social care uploaded for the demo conference and shared with the family. */
    synchronized String sharedReport() {
        if (sharedReport == null) {
            Reply uploaded = chair.postBytes("/conferences/" + conference + "/reports?fileName=social-care.pdf", "application/pdf", samplePdf());
            assertEquals(201, uploaded.status(), uploaded::toString);
            sharedReport = uploaded.json().getString("id");
            assertEquals(200, chair.post("/conferences/" + conference + "/reports/" + sharedReport + "/share", null).status());
        }
        return sharedReport;
    }

    static byte[] samplePdf() {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String freshAgendaItem(String conferenceId) {
        var agenda = chair.post("/conferences/" + conferenceId + "/agenda", json("title", unique("Item"))).json()
                .getJsonArray("agenda");
        return agenda.getJsonObject(agenda.size() - 1).getString("id");
    }

    String freshInvitee(String conferenceId) {
        var view = chair.post("/conferences/" + conferenceId + "/invitees",
                json("role", "AGENCY_STAFF", "staffMemberId", healthVisitor)).json();
        return idWhere(view, "invitees", "name", "Grace Mensah");
    }

    String freshAgency() {
        return admin.post("/agencies", json("name", unique("Agency"), "kind", "VOLUNTARY")).json().getString("id");
    }

    String freshStaff() {
        String username = unique("person").toLowerCase();
        return admin.post("/agencies/" + housing + "/staff", json("fullName", "Fresh Person", "email", username + "@example.org",
                "username", username, "password", "a-long-enough-password", "roles", jakarta.json.Json.createArrayBuilder().build()))
                .json().getString("id");
    }

    /** A new member of staff added the usual way (no password): the token of the link they are emailed. */
    String freshPasswordLinkToken() {
        String email = unique("link").toLowerCase() + "@example.org";
        Reply added = admin.post("/agencies/" + housing + "/staff", json("fullName", "Linked Person", "email", email,
                "roles", jakarta.json.Json.createArrayBuilder().build()));
        assertEquals(201, added.status(), added::toString);
        return Mailbox.latestPasswordToken(email);
    }

    String freshAdvocacyOrganisation() {
        Reply made = admin.post("/advocacy-organisations", json("name", unique("Advocacy")));
        assertEquals(201, made.status(), made::toString);
        return made.json().getString("id");
    }

    /** A single-use invitation token for Jess, as the chair's email delivers it. */
    String freshInvitationToken() {
        return SignInIT.sendInvitationTo(chair, "FAMILY_MEMBER");
    }

    static String idWhere(JsonObject object, String array, String key, String value) {
        return object.getJsonArray(array).stream().map(v -> v.asJsonObject())
                .filter(o -> value.equals(o.getString(key, null))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + "=" + value + " in " + object)).getString("id");
    }
}
