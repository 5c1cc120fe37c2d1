package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A Welsh-speaking family member and a Welsh-speaking advocate walk every page of their side on
 * a 360 px phone and a desktop: each page says it is Welsh (lang="cy") and nothing runs off the
 * side of the phone. Each page is kept as a screenshot for a person to read.
 */
@BrowserTest
class WelshNewcomerPassBrowserIT {

    private static DemoFixture fx;
    private Browser browser;
    private final List<String> problems = new ArrayList<>();
    private final StringBuilder english = new StringBuilder();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @Test
    void a_welsh_family_member_and_advocate_find_every_page_of_theirs_in_welsh_and_nothing_runs_off_a_phone() throws Exception {
        String name = fx.unique("Nia Taylor");
        String email = name.toLowerCase().replace(' ', '.') + "@example.org";
        var added = fx.chair.post("/families/" + fx.taylors + "/members", json("fullName", name, "email", email));
        assertEquals(201, added.status(), added::toString);
        People.confirmAddress(email);
        Database.update("update family_member set language = 'cy' where email = ?", email);
        String nia = DemoFixture.idWhere(fx.chair.get("/families/" + fx.taylors).json(), "members", "fullName", name);
        String live = fx.freshConference();
        assertEquals(200, fx.chair.post("/conferences/" + live + "/invitees", json("role", "FAMILY_MEMBER", "familyMemberId", nia)).status());
        var view = fx.chair.get("/conferences/" + live).json();
        assertEquals(200, fx.chair.put("/conferences/" + live, json("kind", "CORE_GROUP", "scheduledStart", view.getString("scheduledStart"),
                "status", "LIVE")).status());

        browser.resize(360, 800);
        browser.open("/code?lang=cy");
        look("code", By.id("email"));
        browser.signInWithWelshCode(email);
        String family = "/families/" + fx.taylors;
        look("conferences", By.tagName("h1"));
        for (String page : List.of("", "/details", "/sharing", "/access-log", "/contact-map", "/plan/print", "/members/new")) {
            browser.open(family + page);
            look("family" + page.replace('/', '-'), By.tagName("h1"));
        }
        // The chart's Welsh month names ("Chwef 2026") do not run into the bars or the counts beside them.
        browser.open(family + "/contact-map");
        browser.waitFor(By.cssSelector("#contact-chart svg"));
        assertEquals("", browser.script("""
                const svg = document.querySelector('#contact-chart svg');
                const texts = [...svg.querySelectorAll('text')];
                const out = [];
                for (const label of texts.filter((t) => t.getAttribute('x') === '0')) {
                  const right = label.getBBox().x + label.getBBox().width;
                  for (const other of texts) {
                    if (other !== label && other.getAttribute('y') === label.getAttribute('y') && other.getBBox().x < right) out.push(label.textContent + ' | ' + other.textContent);
                  }
                  for (const bar of svg.querySelectorAll('rect.bar')) {
                    if (Number(bar.getAttribute('y')) + 14 === Number(label.getAttribute('y')) && bar.getBBox().x < right) out.push(label.textContent + ' | a bar');
                  }
                }
                return out.join(', ');"""), "month names overlap");
        // On a phone, the month table's "Cyfanswm" (Total) heading stays one word on one line, and the table stays on the screen.
        browser.resize(360, 800);
        var total = browser.waitFor(By.cssSelector("#contact-months thead th:last-child"));
        assertEquals("Cyfanswm", total.getText());
        assertEquals(true, browser.script("const th = arguments[0]; const style = getComputedStyle(th);"
                + " const line = parseFloat(style.lineHeight); const text = document.createRange(); text.selectNodeContents(th);"
                + " return text.getClientRects().length === 1 && text.getBoundingClientRect().height <= line + 1;", total),
                "Cyfanswm is not broken mid-word at 360 px");
        assertEquals(true, browser.script("return document.querySelector('#contact-months table').getBoundingClientRect().right <= window.innerWidth;"),
                "the month table fits a 360 px phone");
        // The log's older words ("your conferences") are still read out in Welsh.
        browser.open(family + "/access-log");
        String log = browser.waitFor(By.id("access-log")).getText();
        assertTrue(!log.contains("your ") && !log.contains("conference"), "the access log is all Welsh: " + log);
        browser.open("/conferences/" + fx.conference);
        look("conference", By.tagName("h1"));
        browser.open("/conferences/" + live + "/live");
        look("live", By.tagName("h1"));
        for (String page : List.of("/help", "/privacy", "/accessibility", "/cookies", "/families")) {
            browser.open(page);
            look("footer" + page.replace('/', '-'), By.tagName("h1"));
        }

        Database.update("update advocate set language = 'cy' where email = ?", "dee.walker@example.org");
        Browser nias = browser;
        try (Browser dee = new Browser()) {
            browser = dee;
            dee.resize(360, 800);
            dee.signInWithWelshCode("dee.walker@example.org");
            look("advocate-conferences", By.tagName("h1"));
            dee.open("/families");
            look("advocate-families", By.tagName("h1"));
            dee.open(family);
            look("advocate-family", By.tagName("h1"));
            dee.open("/conferences/" + fx.conference);
            look("advocate-conference", By.tagName("h1"));
        } finally {
            browser = nias;
            Database.update("update advocate set language = 'en' where email = ?", "dee.walker@example.org");
        }
        // The lines each page showed that read as English, with the problems, for whoever mends them.
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\nLines read as English, page by page:\n" + english);
    }

    /** Waits for the page, notes English lines, the page's language and overflow at 360 px, and keeps screenshots. */
    private void look(String name, By ready) throws Exception {
        try {
            browser.waitFor(ready);
            Thread.sleep(1500);
        } catch (RuntimeException e) {
            problems.add(name + ": not ready: " + e.getMessage().lines().findFirst().orElse(""));
        }
        browser.resize(360, 800);
        Thread.sleep(300);
        if (!"cy".equals(browser.script("return document.documentElement.lang"))) {
            problems.add(name + ": lang is " + browser.script("return document.documentElement.lang"));
        }
        Object overflow = browser.script("""
                const out = [];
                if (document.documentElement.scrollWidth > window.innerWidth) out.push('page ' + document.documentElement.scrollWidth);
                for (const e of document.querySelectorAll('main *')) {
                  // A stacked table's column names are hidden on a phone (clipped): not seen, so not off the side.
                  const head = e.closest('thead');
                  if (head && getComputedStyle(head).position === 'absolute') continue;
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && (r.right > window.innerWidth + 1)) out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right));
                }
                return out.slice(0, 8).join(' | ');""");
        if (!String.valueOf(overflow).isEmpty()) {
            problems.add(name + ": overflows at 360 px: " + overflow);
        }
        english.append("== ").append(name).append(" ").append(browser.path()).append('\n');
        for (String line : browser.text(By.tagName("body")).split("\n")) {
            if (line.matches("(?i).*\\b(the|and|your|you|with|will|this|have|has|who|what|when|which|from|save|back|change|show|hide|open|close|agree|sign)\\b.*")) {
                english.append("  ").append(line).append('\n');
            }
        }
        browser.screenshots("cy-" + name);
    }
}
