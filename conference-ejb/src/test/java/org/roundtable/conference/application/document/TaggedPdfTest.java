package org.roundtable.conference.application.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.view.AccessLogView;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.conference.application.view.FamilyView;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.application.view.MyDataView;
import org.roundtable.conference.application.view.PlanView;
import org.roundtable.conference.application.view.SharingView;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.shared.domain.ActionStatus;
import org.roundtable.shared.domain.Attendance;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.SignOffState;
import org.roundtable.shared.domain.Stance;

/**
 * The minutes and "everything we hold" PDFs are read by screen readers: a structure tree with
 * headings in order, lists and tables, the language, and the title shown in the window.
 */
class TaggedPdfTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void a_screen_reader_finds_the_minutes_headings_in_order_and_the_plan_as_a_table() throws IOException {
        var record = new ConferenceRecordView(UUID.randomUUID(), UUID.randomUUID(), "Taylor family", ConferenceKind.REVIEW_CHILD_PROTECTION,
                AT, "Priya Shah", true, AT, "Priya Shah", 3,
                List.of(new ConferenceRecordView.AttendeeEntry(UUID.randomUUID(), "Jess Taylor", InviteeRole.FAMILY_MEMBER, "Family",
                        Attendance.ATTENDED)),
                List.of("Ryan's plan continues for three months"),
                List.of(new ConferenceRecordView.GoalEntry("Ryan goes to school every day", "He wants to be in the football team.",
                        List.of(new ConferenceRecordView.ActionEntry(UUID.randomUUID(), "Walk Ryan to school each morning", "Jess Taylor",
                                LocalDate.of(2026, 12, 24), ActionStatus.AGREED, SignOffState.UNSIGNED, null, null)))),
                List.of(new ConferenceRecordView.StatementEntry(Stance.AGREES, "We can do this, ŵyr & all <3", "Jess Taylor", null, AT, null, null)),
                List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.render(record))) {
            assertTagged(pdf, "Minutes of the review child protection conference for the Taylor family");
            assertEquals(List.of("H1", "H2", "H2", "H2", "H3", "H2", "H2"), headings(pdf));
            assertEquals("What was decided", text(pdf, find(pdf, "H2").get(1)));
            assertTrue(find(pdf, "Table").size() == 1 && !find(pdf, "TH").isEmpty() && !find(pdf, "TD").isEmpty(), "the plan is a table");
            assertTrue(!find(pdf, "L").isEmpty() && !find(pdf, "LI").isEmpty(), "who came is a list");
            String text = new PDFTextStripper().getText(pdf);
            // What the minutes carried before they were tagged, word for word.
            for (String said : List.of("Held on 26 November 2026 at 10:00. Chaired by Priya Shah.", "Jess Taylor (Family): came",
                    "Walk Ryan to school each morning", "24 December 2026", "Jess Taylor agrees with the plan.",
                    "We can do this, ŵyr & all <3", "No professional recorded dissent.")) {
                assertTrue(text.replaceAll("\\s+", " ").contains(said), said + " in: " + text);
            }
        }
    }

    @Test
    void a_screen_reader_finds_the_sections_of_everything_we_hold_in_order() throws IOException {
        UUID family = UUID.randomUUID();
        var jess = new MemberView(UUID.randomUUID(), family, "Jess Taylor", LocalDate.of(1995, 3, 1), "jess@example.org", "07700 900123",
                "12 Mill Lane", "English", null, true, false, false, null, null, null);
        var data = new MyDataView(AT, "Jess Taylor", new FamilyView(family, "Taylor family", "RT-0001", null, null, false, List.of(jess),
                List.of(), List.of(), List.of()), new PlanView(UUID.randomUUID(), family, 1, List.of(new PlanView.GoalView(UUID.randomUUID(), "a",
                        "The home is warm and safe", null, List.of())), false),
                List.of(), List.of(), List.of(), List.of(), new SharingView(List.of(), List.of(), 0, List.of()),
                List.of(new AccessLogView("Sam Okafor", "Riverside Children's Services", "the plan", "a visit", AT)), List.of());
        try (PDDocument pdf = Loader.loadPDF(MyDataPdf.render(data))) {
            assertTagged(pdf, "Everything we hold about the Taylor family");
            List<String> sections = find(pdf, "H2").stream().map(h -> text(pdf, h)).toList();
            assertEquals(List.of("Your family", "Who works with you", "Your plan", "Conferences", "Contacts with agencies",
                    "Changes to your details", "Who your information was shared with against your wishes", "Who looked at your record",
                    "Reports shared with you"), sections);
            String raw = new PDFTextStripper().getText(pdf);
            assertTrue(raw.contains("Everything we hold about the Taylor family"), "the title on one line: " + raw);
            String text = raw.replaceAll("\\s+", " ");
            assertTrue(text.contains("Phone: 07700 900123") && text.contains("Sam Okafor (Riverside Children's Services) looked at the plan"),
                    text);
        }
    }

    @Test
    void a_welsh_reader_gets_the_minutes_in_welsh_and_a_screen_reader_speaks_them_in_welsh() throws IOException {
        var record = new ConferenceRecordView(UUID.randomUUID(), UUID.randomUUID(), "Taylor family", ConferenceKind.CORE_GROUP,
                AT, "Priya Shah", true, AT, "Priya Shah", 3,
                List.of(new ConferenceRecordView.AttendeeEntry(UUID.randomUUID(), "Jess Taylor", InviteeRole.FAMILY_MEMBER, "Family",
                        Attendance.ATTENDED)),
                List.of("Ryan's plan continues"),
                List.of(new ConferenceRecordView.GoalEntry("Ryan goes to school every day", null,
                        List.of(new ConferenceRecordView.ActionEntry(UUID.randomUUID(), "Walk Ryan to school", "Jess Taylor",
                                LocalDate.of(2026, 12, 24), ActionStatus.AGREED, SignOffState.UNSIGNED, null, null)))),
                List.of(new ConferenceRecordView.StatementEntry(Stance.AGREES, "Gallwn wneud hyn", "Jess Taylor", null, AT, null, null)),
                List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.render(record, Language.WELSH))) {
            assertTagged(pdf, "Cofnodion y cyfarfod grŵp craidd ar gyfer Taylor family", "cy-GB");
            assertEquals("Beth gafodd ei benderfynu", text(pdf, find(pdf, "H2").get(1)));
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            for (String said : List.of("Cynhaliwyd: 26 Tachwedd 2026 am 10:00. Cadeirydd: Priya Shah.", "Jess Taylor (Teulu): daeth",
                    "Walk Ryan to school", "24 Rhagfyr 2026", "Heb ei lofnodi", "Mae Jess Taylor yn cytuno â'r cynllun.",
                    "Gallwn wneud hyn", "Ni chofnododd unrhyw weithiwr proffesiynol anghytundeb.")) {
                assertTrue(text.contains(said), said + " in: " + text);
            }
        }
    }

    @Test
    void a_welsh_reader_gets_everything_we_hold_in_welsh() throws IOException {
        UUID family = UUID.randomUUID();
        var jess = new MemberView(UUID.randomUUID(), family, "Jess Taylor", LocalDate.of(1995, 3, 1), "jess@example.org", "07700 900123",
                "12 Mill Lane", "Cymraeg", null, true, false, false, null, null, null);
        var data = new MyDataView(AT, "Jess Taylor", new FamilyView(family, "Taylor family", "RT-0001", null, null, false, List.of(jess),
                List.of(), List.of(), List.of()), new PlanView(UUID.randomUUID(), family, 1, List.of(), false),
                List.of(), List.of(), List.of(), List.of(), new SharingView(List.of(), List.of(), 0, List.of()),
                List.of(new AccessLogView("Sam Okafor", "Riverside Children's Services", "your plan", null, AT)), List.of());
        try (PDDocument pdf = Loader.loadPDF(MyDataPdf.render(data, Language.WELSH))) {
            assertTagged(pdf, "Popeth sydd gennym am Taylor family", "cy-GB");
            assertEquals("Eich teulu", text(pdf, find(pdf, "H2").get(0)));
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Jess Taylor, ganwyd 1 Mawrth 1995. Ffôn: 07700 900123") && text.contains("Neb.")
                    && text.contains("26 Tachwedd 2026 am 10:00: edrychodd Sam Okafor (Riverside Children's Services) ar hyn: eich cynllun."), text);
        }
    }

    private void assertTagged(PDDocument pdf, String title) {
        assertTagged(pdf, title, "en-GB");
    }

    private void assertTagged(PDDocument pdf, String title, String language) {
        var catalog = pdf.getDocumentCatalog();
        assertNotNull(catalog.getStructureTreeRoot(), "a structure tree");
        assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "marked as tagged");
        assertEquals(language, catalog.getLanguage());
        assertTrue(catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle(), "the title, not the file name, in the window");
        assertEquals(title, pdf.getDocumentInformation().getTitle());
        var h1 = find(pdf, "H1");
        assertEquals(1, h1.size());
        assertEquals(title, text(pdf, h1.get(0)));
    }

    /** The heading levels in reading order (the order of the structure tree). */
    private static List<String> headings(PDDocument pdf) {
        var all = new ArrayList<PDStructureElement>();
        walk(pdf.getDocumentCatalog().getStructureTreeRoot(), all);
        return all.stream().map(PDStructureElement::getStructureType).filter(t -> t.matches("H[1-6]")).toList();
    }

    private static List<PDStructureElement> find(PDDocument pdf, String type) {
        var all = new ArrayList<PDStructureElement>();
        walk(pdf.getDocumentCatalog().getStructureTreeRoot(), all);
        return all.stream().filter(e -> type.equals(e.getStructureType())).toList();
    }

    private static void walk(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                into.add(e);
                walk(e, into);
            }
        }
    }

    /** The text a screen reader reads for an element: its marked content, found by MCID on its page. */
    private String text(PDDocument pdf, PDStructureElement element) {
        var out = new StringBuilder();
        collect(pdf, element, element.getPage(), out);
        return out.toString().strip();
    }

    private void collect(PDDocument pdf, PDStructureElement element, PDPage inherited, StringBuilder out) {
        PDPage page = element.getPage() == null ? inherited : element.getPage();
        for (Object kid : element.getKids()) {
            if (kid instanceof Integer mcid) {
                out.append(markedText(pdf, page).getOrDefault(mcid, ""));
            } else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference ref) {
                out.append(markedText(pdf, ref.getPage() == null ? page : ref.getPage()).getOrDefault(ref.getMCID(), ""));
            } else if (kid instanceof PDStructureElement e) {
                collect(pdf, e, page, out);
            }
        }
    }

    private final Map<PDPage, Map<Integer, String>> marked = new HashMap<>();

    private Map<Integer, String> markedText(PDDocument pdf, PDPage page) {
        return marked.computeIfAbsent(page, p -> {
            try {
                var extractor = new PDFMarkedContentExtractor();
                extractor.processPage(p);
                var texts = new HashMap<Integer, String>();
                for (PDMarkedContent content : extractor.getMarkedContents()) {
                    gather(content, texts);
                }
                return texts;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void gather(PDMarkedContent content, Map<Integer, String> texts) {
        var text = new StringBuilder();
        for (Object o : content.getContents()) {
            if (o instanceof TextPosition t) {
                text.append(t.getUnicode());
            } else if (o instanceof PDMarkedContent inner) {
                gather(inner, texts);
            }
        }
        if (content.getMCID() >= 0) {
            texts.merge(content.getMCID(), text.toString(), String::concat);
        }
    }
}
