package org.roundtable.conference.it;

import static org.roundtable.conference.it.SharingSteps.FamilyWords.ENGLISH;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sharing, done in the browser on a 360 px phone, with axe-core on every page: the family is
 * asked first and answers from the email's link; the school keeps its own actions when the plan
 * is not shared, and the chair is told; an override lapses on its review date. The steps are
 * {@link SharingSteps}, which the Welsh family's test ({@code WelshFamilyBrowserIT}) shares.
 */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class SharingBrowserIT {

    private static final String JESS = "jess.taylor@example.org";

    private static DemoFixture fx;
    private static String family;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestClock.deployment();
    }

    @BeforeAll
    static void fixture() {
        fx = new DemoFixture();
        family = "/families/" + fx.taylors;
    }

    private static void healthContacts(String preference) {
        SharingSteps.healthContacts(fx, family, preference);
    }

    /** Overrides other tests made for health visiting's view of the Taylors' contacts would share them for weeks. */
    @BeforeEach
    void noOverridesInForce() {
        fx.endOverrides(fx.health, "CONTACTS");
    }

    @Test
    void the_family_is_asked_first_answers_yes_from_the_emails_link_and_the_worker_sees_the_answer() {
        healthContacts("ASK_FIRST");
        String reason = fx.unique("To plan Mia's visits with the nursery");
        try {
            int emails = Mailbox.count(JESS, "asks to see");
            SharingSteps.healthVisitorAsksForContacts(family, reason);
            Mailbox.awaitCount(JESS, "asks to see", emails + 1);
            try (Browser jess = new Browser()) {
                jess.resize(360, 740);
                jess.signInWithCode(JESS);
                SharingSteps.familyAnswersYesFromTheEmail(jess, Mailbox.body(Mailbox.latest(JESS, "asks to see")), reason, ENGLISH,
                        "sharing-family");
            }
            SharingSteps.healthVisitorSeesTheYes(family, "Jess Taylor");
        } finally {
            healthContacts("SHARE");
            Database.update("delete from sharing_request where reason = ?", reason);
        }
    }

    @Test
    void the_school_keeps_its_own_actions_when_the_plan_is_not_shared_and_the_chair_is_told() {
        String conference = SharingKeepsTheMeetingWorkingIT.conferenceWithTheSchool(fx);
        String chairEmail = SharingKeepsTheMeetingWorkingIT.chairEmail(fx);
        int told = Mailbox.count(chairEmail, "can no longer see");
        try {
            try (Browser jess = new Browser()) {
                jess.resize(360, 740);
                jess.signInWithCode(JESS);
                SharingSteps.familyStopsSharingThePlanWithTheSchool(jess, fx, family, ENGLISH, "sharing-family-preview");
            }
            SharingSteps.theSchoolKeepsItsOwnActions(family, conference);
            SharingSteps.theChairIsTold(conference, chairEmail, told);
        } finally {
            SharingSteps.shareWithTheSchoolAgain(fx, family);
        }
    }

    @Test
    void an_override_lapses_on_its_review_date() {
        healthContacts("DO_NOT_SHARE");
        String reason = fx.unique("Mia has lost weight and I must check who saw her");
        try {
            SharingSteps.healthVisitorOverridesUntilTomorrowAndItLapses(family, reason);
            try (Browser jess = new Browser()) {
                jess.resize(360, 740);
                jess.signInWithCode(JESS);
                SharingSteps.familySeesTheOverrideEnded(jess, family, reason, ENGLISH, "sharing-family-override-ended");
            }
        } finally {
            Mailbox.awaitDelivery();
            TestClock.reset();
            fx.endOverrides(fx.health, "CONTACTS");
            healthContacts("SHARE");
        }
    }
}
