package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.roundtable.conference.application.ClockProducer;

/**
 * The steps of the sharing flows on a 360 px phone, axe-core on every page, shared by the
 * English and the Welsh browser tests: the staff's pages (English) as they are, the family's
 * read through {@link FamilyWords}, so the same steps check either language.
 */
final class SharingSteps {

    /** A request's link in the family's email: the sharing page, with the request to answer. */
    static final Pattern LINK = Pattern.compile("(/families/[0-9a-f-]{36}/sharing\\?request=([0-9a-f-]{36})(?:&lang=[a-z]{2})?)");

    /** What the family's pages say at each step, in the language the family member reads. */
    record FamilyWords(String saidYes, String saidYesUntil, String willNotSeePlan, String invitedToMeeting, String oneThing,
            String twoThings, String things, String nowSeesOnly, String endedOn) {

        static final FamilyWords ENGLISH = new FamilyWords("You said yes.", "You said yes. They can see it until",
                "%s will not see your plan.", "They are invited to your meeting", "They will still see the one thing they agreed to do.",
                "They will still see the two things they agreed to do.", "things they agreed to do.", "%s now sees only what you share",
                "This ended on");
        static final FamilyWords WELSH = new FamilyWords("Fe ddywedoch chi ie.", "Fe ddywedoch chi ie. Gallan nhw ei weld tan",
                "Ni fydd %s yn gweld eich cynllun.", "Maen nhw wedi cael gwahoddiad i'ch cyfarfod",
                "Byddan nhw'n dal i weld yr un peth y cytunon nhw i'w wneud.", "Byddan nhw'n dal i weld y 2 peth y cytunon nhw i'w wneud.",
                "y cytunon nhw i'w wneud.", "Mae %s nawr yn gweld dim ond yr hyn rydych chi'n ei rannu", "Daeth hyn i ben ar");

        String thingsTheyAgreed(long own) {
            return own == 1 ? oneThing : own == 2 ? twoThings : things;
        }
    }

    private SharingSteps() {
    }

    /** The Taylors' choice for health visiting's view of their contacts. */
    static void healthContacts(DemoFixture fx, String family, String preference) {
        assertEquals(200, fx.familyMember().put(family + "/sharing/preferences", json("agencyId", fx.health, "kind", "CONTACTS",
                "preference", preference)).status());
    }

    /** The school sees the Taylors' plan and contacts again, as the demo has it. */
    static void shareWithTheSchoolAgain(DemoFixture fx, String family) {
        for (String kind : new String[] {"PLAN", "CONTACTS"}) {
            assertEquals(200, fx.familyMember().put(family + "/sharing/preferences", json("agencyId", fx.school, "kind", kind,
                    "preference", "SHARE")).status());
        }
    }

    /** The health visitor, refused the family's contacts, asks the family first: a reason is needed, then they wait for the answer. */
    static void healthVisitorAsksForContacts(String family, String reason) {
        try (Browser health = new Browser()) {
            health.resize(360, 800);
            health.signInAsStaff("health.visitor");
            health.open(family);
            health.waitForText(By.tagName("main"), "Not shared with your agency");
            health.assertAccessible();
            health.screenshots("family-not-shared-staff");
            health.open(family + "/sharing");
            health.waitFor(By.id("ask-form"));
            new Select(health.driver().findElement(By.id("ask-kind"))).selectByValue("CONTACTS");
            health.click(By.id("ask"));
            health.waitForText(By.id("error-summary"), "Say why you need it");
            health.assertAccessible();
            health.type(By.id("ask-reason"), reason);
            new Select(health.driver().findElement(By.id("ask-days"))).selectByValue("7");
            health.click(By.id("ask"));
            health.waitForText(By.id("requests"), "Waiting for the family's answer.");
            // The worker reads what they asked for in a worker's words, not the family's "your ...".
            String asked = health.text(By.id("requests"));
            assertTrue(asked.contains("asked to see the contacts with agencies") && !asked.contains("to see your"), asked);
            health.assertAccessible();
            health.screenshots("sharing-staff-asked");
        }
    }

    /** The family member, signed in, follows the link in the request's email and says yes in one tap. */
    static void familyAnswersYesFromTheEmail(Browser member, String emailBody, String reason, FamilyWords words, String screenshot) {
        var link = LINK.matcher(emailBody);
        assertTrue(link.find(), "the email carries the link: " + emailBody);
        member.open(link.group(1));
        member.waitFor(By.id("yes-" + link.group(2)));
        assertTrue(member.text(By.id("requests-waiting")).contains(reason), "the family reads why");
        member.assertAccessible();
        member.screenshots(screenshot + "-asked");
        member.click(By.id("yes-" + link.group(2)));
        member.waitForText(By.id("notice"), words.saidYes());
        member.waitForText(By.id("answers"), words.saidYesUntil());
        member.assertAccessible();
        member.screenshots(screenshot + "-answered");
    }

    /** The health visitor reads who said yes, and now sees the contacts. */
    static void healthVisitorSeesTheYes(String family, String who) {
        try (Browser health = new Browser()) {
            health.resize(360, 800);
            health.signInAsStaff("health.visitor");
            health.open(family + "/sharing");
            health.waitForText(By.id("requests"), who + " said yes.");
            health.open(family);
            health.waitFor(By.id("contacts"));
            health.assertAccessible();
        }
    }

    /**
     * The family member, signed in, stops sharing the plan (and contacts) with the school: before
     * saving she reads what will change, the meeting said once, then saves.
     */
    static void familyStopsSharingThePlanWithTheSchool(Browser member, DemoFixture fx, String family, FamilyWords words, String screenshot) {
        member.open(family + "/sharing");
        member.waitFor(By.id("pref-" + fx.school + "-PLAN"));
        new Select(member.driver().findElement(By.id("pref-" + fx.school + "-PLAN"))).selectByValue("DO_NOT_SHARE");
        new Select(member.driver().findElement(By.id("pref-" + fx.school + "-CONTACTS"))).selectByValue("DO_NOT_SHARE");
        member.click(By.cssSelector("form[data-agency='" + fx.school + "'] button[type=submit]"));
        member.waitForText(By.id("preview"), words.willNotSeePlan().formatted("Oakfield Primary School"));
        // Two choices changed, one meeting: she reads about the meeting once, not once per choice.
        var sentences = member.driver().findElements(By.cssSelector("#preview-sentences li")).stream().map(li -> li.getText()).toList();
        assertEquals(1, sentences.stream().filter(t -> t.startsWith(words.invitedToMeeting())).count(), sentences.toString());
        // Other tests may have given the school more actions in the shared plan: count them now.
        long own = fx.chair.get(family + "/plan").json().getJsonArray("goals").stream()
                .flatMap(g -> g.asJsonObject().getJsonArray("actions").stream())
                .filter(a -> fx.school.equals(a.asJsonObject().getString("ownerId", null))).count();
        assertTrue(own >= 1, "the school owns an action in the plan");
        String expected = words.thingsTheyAgreed(own);
        assertTrue(member.text(By.id("preview")).contains(expected), expected + " in " + member.text(By.id("preview")));
        member.assertAccessible();
        member.screenshots(screenshot);
        member.click(By.id("confirm-save"));
        member.waitForText(By.tagName("main"), words.nowSeesOnly().formatted("Oakfield Primary School"));
    }

    /** The teacher sees and signs the school's own action, on the record and the page to print, and nothing else of the plan. */
    static void theSchoolKeepsItsOwnActions(String family, String conference) {
        try (Browser teacher = new Browser()) {
            teacher.resize(360, 800);
            teacher.signInAsStaff("teacher");
            teacher.open(family);
            teacher.waitForText(By.id("plan-not-shared"), "Not shared with your agency");
            assertTrue(teacher.text(By.id("plan")).contains("Call home by 9:30 when Ryan is not in"));
            assertTrue(!teacher.text(By.id("plan")).contains("Walk Ryan to school"), "the rest is withheld");
            teacher.assertAccessible();
            teacher.screenshots("family-own-actions-staff");
            // The page to print says the same: the school's own action under a goal it is not told about, never "null".
            teacher.open(family + "/plan/print");
            teacher.waitForText(By.id("plan-not-shared"), "Not shared with your agency");
            String printed = teacher.text(By.tagName("main"));
            assertTrue(printed.contains("A goal not shared with your agency") && printed.contains("Call home by 9:30 when Ryan is not in"), printed);
            assertTrue(!printed.contains("null") && !printed.contains("Walk Ryan to school"), printed);
            assertTrue(labels(teacher).stream().noneMatch(label -> label.contains("null")), labels(teacher).toString());
            teacher.assertAccessible();
            teacher.open("/conferences/" + conference);
            teacher.waitForText(By.id("sign-off-own-only"), "Not shared with your agency");
            teacher.click(By.cssSelector("#sign-off-actions button"));
            teacher.waitForText(By.id("sign-off-actions"), "Signed");
            teacher.assertAccessible();
            teacher.screenshots("conference-own-actions-staff");
        }
    }

    /** The chair of the school's meeting is emailed, and the meeting's page warns them. */
    static void theChairIsTold(String conference, String chairEmail, int toldBefore) {
        Mailbox.awaitCount(chairEmail, "can no longer see", toldBefore + 1);
        try (Browser chair = new Browser()) {
            chair.resize(360, 800);
            chair.signInAsStaff("chair");
            chair.open("/conferences/" + conference);
            chair.waitForText(By.id("sharing-warnings"), "Oakfield Primary School");
            chair.assertAccessible();
            chair.screenshots("conference-sharing-warning-chair");
        }
    }

    /** What a screen reader names each region and table by. */
    private static java.util.List<String> labels(Browser browser) {
        return browser.driver().findElements(By.cssSelector("main [aria-label], main caption")).stream()
                .map(e -> e.getAttribute("aria-label") != null ? e.getAttribute("aria-label") : e.getAttribute("textContent")).toList();
    }

    /**
     * The health visitor overrides the family's "do not share" for their contacts until tomorrow
     * (a review date of today is refused); the clock moves to tomorrow and the override has lapsed.
     * The clock is left moved: the caller resets it.
     */
    static void healthVisitorOverridesUntilTomorrowAndItLapses(String family, String reason) {
        LocalDate today = LocalDate.now(ClockProducer.LOCAL_ZONE);
        LocalDate tomorrow = today.plusDays(1);
        try (Browser health = new Browser()) {
            health.resize(360, 800);
            health.signInAsStaff("health.visitor");
            health.open(family + "/sharing");
            health.waitFor(By.id("override-form"));
            new Select(health.driver().findElement(By.id("override-kind"))).selectByValue("CONTACTS");
            health.type(By.id("override-reason"), reason);
            typeReviewDate(health, today);
            health.click(By.id("override"));
            health.waitForText(By.id("error-summary"), "The review date must be after today.");
            health.assertAccessible();
            health.driver().findElement(By.id("override-review")).clear();
            health.driver().findElement(By.id("override-review-month")).clear();
            health.driver().findElement(By.id("override-review-year")).clear();
            typeReviewDate(health, tomorrow);
            health.click(By.id("override"));
            health.waitForText(By.tagName("main"), "Override recorded");
            health.waitForText(By.id("ledger"), "This ends on");
            health.assertAccessible();
            health.screenshots("sharing-staff-override");
            health.open(family);
            health.waitFor(By.id("contacts"));

            TestClock.moveToDaysAhead(1);
            assertEquals(200, People.signedIn(Role.ADMINISTRATOR).post("/admin/reminders/run", null).status());
            // "Tomorrow" may be less than the two idle hours away (late in the evening): her session
            // may still be open, so she signs out and in again rather than counting on it ending.
            health.click(By.id("sign-out"));
            health.waitFor(By.id("username"));
            health.signInAsStaff("health.visitor");
            health.open(family);
            health.waitForText(By.tagName("main"), "Not shared with your agency");
            health.open(family + "/sharing");
            health.waitForText(By.cssSelector("[data-entry] .app-ends"), "This ended on");
            health.assertAccessible();
            health.screenshots("sharing-staff-override-ended");
        }
    }

    private static void typeReviewDate(Browser health, LocalDate day) {
        health.type(By.id("override-review"), Integer.toString(day.getDayOfMonth()));
        health.type(By.id("override-review-month"), Integer.toString(day.getMonthValue()));
        health.type(By.id("override-review-year"), Integer.toString(day.getYear()));
    }

    /** The family member, signed in, reads the lapsed override in their list, with the worker's reason. */
    static void familySeesTheOverrideEnded(Browser member, String family, String reason, FamilyWords words, String screenshot) {
        member.open(family + "/sharing");
        member.waitForText(By.id("ledger"), reason);
        assertTrue(member.text(By.id("ledger")).contains(words.endedOn()), member.text(By.id("ledger")));
        member.assertAccessible();
        member.screenshots(screenshot);
    }
}
