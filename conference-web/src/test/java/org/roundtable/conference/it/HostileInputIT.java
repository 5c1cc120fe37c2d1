package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.conference.it.JsonBodies.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.conference.it.ApiClient.Reply;

/** Input meant to break things: numbers at the edge, invisible characters, documents that run code. */
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static DemoFixture fx;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roundtable();
    }

    @BeforeAll
    static void setUp() {
        fx = new DemoFixture();
    }

    @Test
    void a_page_number_too_large_to_count_is_a_clear_error_not_a_server_failure() {
        ApiClient jess = People.signedIn(Role.FAMILY_MEMBER);
        String family = "/families/" + fx.taylors;
        Map<String, ApiClient> lists = Map.of("/families", fx.chair, "/conferences", fx.chair, "/agencies", fx.chair,
                "/agencies/" + fx.socialCare + "/staff", fx.chair, family + "/contacts", fx.chair, family + "/access-log", jess);
        List<String> wrong = new ArrayList<>();
        for (var list : lists.entrySet()) {
            for (String paging : List.of("page=2147483647", "page=99999999999", "size=2147483647", "page=21474836&size=100")) {
                Reply reply = list.getValue().get(list.getKey() + "?" + paging);
                if (reply.status() != 400 || !reply.contentType().startsWith("application/problem+json")) {
                    wrong.add(list.getKey() + "?" + paging + ": " + reply);
                }
            }
        }
        Reply months = fx.chair.get(family + "/contact-map?months=2147483647");
        if (months.status() != 400) {
            wrong.add("contact-map?months=2147483647: " + months);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void invisible_control_characters_in_names_are_refused_and_nothing_is_stored() {
        String marker = fx.unique("Control");
        for (String bad : List.of("\u0000", "\u0007", "\u001b[31m", "\u202e", "\u2066", "\u007f")) {
            Reply family = fx.chair.post("/families", json("name", marker + bad + "family"));
            assertEquals(400, family.status(), () -> "a family named with U+" + Integer.toHexString(bad.charAt(0)) + ": " + family);
            assertTrue(family.contentType().startsWith("application/problem+json"));
            Reply member = fx.chair.post("/families/" + fx.taylors + "/members", json("fullName", marker + bad + "Cousin"));
            assertEquals(400, member.status(), member::toString);
        }
        Reply summary = fx.chair.post("/families/" + fx.taylors + "/contacts", json("happenedOn", java.time.LocalDate.now().toString(),
                "kind", "CALL", "summary", marker + " called \u202etxt.exe"));
        assertEquals(400, summary.status(), summary::toString);
        assertFalse(fx.chair.get("/families?size=100").body().contains(marker), "nothing named with a control character was stored");
        assertFalse(fx.chair.get("/families/" + fx.taylors + "/members").body().contains(marker));
        assertFalse(fx.chair.get("/families/" + fx.taylors + "/contacts?size=100").body().contains(marker));

        // Ordinary text keeps its line breaks, tabs and any language's letters.
        Reply fine = fx.chair.post("/families/" + fx.taylors + "/contacts", json("happenedOn", java.time.LocalDate.now().toString(),
                "kind", "CALL", "summary", marker + " spoke with Zoë\tand שלום,\nall well."));
        assertEquals(201, fine.status(), fine::toString);
    }

    @Test
    void a_report_pdf_that_would_run_code_when_opened_is_refused_with_a_clear_message() throws IOException {
        String conference = "/conferences/" + fx.conference + "/reports";
        int before = fx.chair.get(conference).json().getJsonArray("reports").size();
        for (var pdf : List.of(openActionJavaScript(), launchOnOpen(), javaScriptInNames())) {
            Reply reply = fx.chair.postBytes(conference + "?fileName=report.pdf", "application/pdf", pdf);
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.json().toString().contains("run code"), reply::toString);
        }
        assertEquals(before, fx.chair.get(conference).json().getJsonArray("reports").size(), "no such report was stored");
        assertEquals(201, fx.chair.postBytes(conference + "?fileName=report.pdf", "application/pdf", DemoFixture.samplePdf()).status(),
                "a plain PDF is still accepted");
    }

    private static byte[] openActionJavaScript() throws IOException {
        try (var doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            return save(doc);
        }
    }

    private static byte[] launchOnOpen() throws IOException {
        try (var doc = new PDDocument()) {
            doc.addPage(new PDPage());
            var launch = new PDActionLaunch();
            var file = new PDSimpleFileSpecification();
            file.setFile("calc.exe");
            launch.setFile(file);
            doc.getDocumentCatalog().setOpenAction(launch);
            return save(doc);
        }
    }

    private static byte[] javaScriptInNames() throws IOException {
        try (var doc = new PDDocument()) {
            doc.addPage(new PDPage());
            var names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            var js = new PDJavascriptNameTreeNode();
            js.setNames(Map.of("hello", new PDActionJavaScript("this.print();")));
            names.setJavascript(js);
            doc.getDocumentCatalog().setNames(names);
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        var out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
