package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openqa.selenium.By;
import org.roundtable.conference.application.ClockProducer;

/**
 * A family member, signed in on a 360 px phone, adds someone who moved in and later says they
 * left, axe-core on each page: the steps the English and the Welsh browser tests share, the
 * family's words read through {@link HouseholdWords}.
 */
final class HouseholdSteps {

    /** What the family's pages say at each step, in the language the family member reads. */
    record HouseholdWords(String willTellLeadWorker, String added, String toldLeadWorker, String joined, String noLonger, String leftOn,
            String leftTheHousehold, Locale dates) {

        static final HouseholdWords ENGLISH = new HouseholdWords("We will also tell your lead worker", "%s has been added",
                "We have told your lead worker.", "%s: %s joined the household.", "%s is no longer in your household", "%s, left on",
                "%s: %s left the household on %s.", Locale.UK);
        static final HouseholdWords WELSH = new HouseholdWords("Byddwn hefyd yn dweud wrth eich gweithiwr arweiniol", "Mae %s wedi'i ychwanegu",
                "Rydym wedi dweud wrth eich gweithiwr arweiniol.", "%s: Daeth %s i fyw ar yr aelwyd.", "Nid yw %s yn eich cartref mwyach",
                "%s, wedi gadael ar", "%s: Gadawodd %s yr aelwyd ar %s.", Locale.forLanguageTag("cy-GB"));
    }

    private HouseholdSteps() {
    }

    /** From the family's details, the member adds someone who moved in, checks the answers and confirms; the history says so. */
    static void addSomeoneWhoMovedIn(Browser member, String family, String who, String name, String email, HouseholdWords words) {
        member.open(family + "/details");
        member.click(By.id("add-household-member"));
        member.waitFor(By.id("person-form"));
        member.type(By.id("full-name"), name);
        member.type(By.id("relationship"), "Mum's partner");
        member.type(By.id("email"), email);
        member.click(By.cssSelector("label[for='preferred-contact']"));
        member.click(By.id("continue"));
        member.waitFor(By.id("check-answers"));
        assertTrue(member.text(By.tagName("main")).contains(words.willTellLeadWorker()), member.text(By.tagName("main")));
        member.assertAccessible();
        member.click(By.id("confirm"));
        member.waitForText(By.id("success-banner"), words.added().formatted(name));
        // The member is the family: "We have told the family" would tell them nothing; their lead worker was told.
        assertTrue(member.text(By.id("success-banner")).contains(words.toldLeadWorker()), member.text(By.id("success-banner")));
        member.waitForText(By.id("member-forms"), name);
        member.waitForText(By.id("history"), words.joined().formatted(who, name));
        member.assertAccessible();
    }

    /**
     * Later, the one who moved in moves out: the member says so, is warned once more before the
     * button that does it shows, and they are listed as having left; the history names who left.
     */
    static void sayTheyLeft(Browser member, String who, String memberId, String name, HouseholdWords words) {
        By yes = By.cssSelector("[data-left='" + memberId + "']");
        By warning = By.id("leaving-" + memberId);
        assertFalse(member.driver().findElement(yes).isDisplayed(), "no one-tap way to end someone's sign-in before the warning");
        assertFalse(member.driver().findElement(warning).isDisplayed());
        member.click(By.cssSelector("[data-leaving='" + memberId + "']"));
        assertTrue(member.driver().findElement(warning).isDisplayed(), "the warning says what leaving does");
        assertFalse(member.driver().findElement(By.cssSelector("[data-leaving='" + memberId + "']")).isDisplayed(), "asked once, not twice");
        member.click(yes);
        member.waitForText(By.id("saved"), words.noLonger().formatted(name));
        assertTrue(member.text(By.id("former-members")).contains(words.leftOn().formatted(name)));
        // Not "Jess Taylor: Left the household on 2026-12-01", which reads as if the one who wrote it had left.
        String leftOn = LocalDate.now(ClockProducer.LOCAL_ZONE).format(DateTimeFormatter.ofPattern("d MMMM yyyy", words.dates()));
        String said = words.leftTheHousehold().formatted(who, name, leftOn);
        assertTrue(member.text(By.id("history")).toLowerCase(words.dates()).contains(said.toLowerCase(words.dates())),
                said + " in " + member.text(By.id("history")));
        member.assertAccessible();
    }
}
