package org.roundtable.conference.application.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.conference.application.view.DetailChangeView;
import org.roundtable.conference.application.view.FamilyView;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.application.view.MyDataView;
import org.roundtable.conference.application.view.PlanView;
import org.roundtable.conference.application.view.SharingView;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.domain.model.room.PrivatePart;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.Stance;
import org.roundtable.shared.record.DetailField;

/**
 * Sentences the server used to write in English only (who wrote a family member's views, who
 * joined or left the household, what the family is told about a private part) are in a Welsh
 * reader's PDFs in Welsh; records stored before still read.
 */
class ServerSentencesInWelshTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final UUID FAMILY = UUID.randomUUID();

    private static ConferenceRecordView minutes(ConferenceRecordView.StatementEntry said) {
        var part = new ConferenceRecordView.PrivatePartEntry(UUID.randomUUID(), PrivatePart.DEFAULT_FAMILY_TEXT, PrivatePart.DEFAULT_FAMILY_TEXT,
                AT, AT.plusSeconds(600), List.of(), List.of("Jess Taylor"), true, List.of());
        return new ConferenceRecordView(UUID.randomUUID(), FAMILY, "Taylor family", ConferenceKind.CORE_GROUP, AT, "Priya Shah", true, AT,
                "Priya Shah", 3, List.of(), List.of(), List.of(), List.of(said), List.of(part), List.of());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void a_welsh_reader_of_the_minutes_reads_who_wrote_the_views_and_the_private_part_in_welsh() throws IOException {
        var said = new ConferenceRecordView.StatementEntry(Stance.DISAGREES, "Dim", "Jess Taylor", null, AT,
                "Dee Walker, advocate, for Jess Taylor", "Dee Walker");
        String welsh = text(MinutesPdf.render(minutes(said).forViewer(null, true), Language.WELSH));
        assertTrue(welsh.contains("(Ysgrifennwyd gan Dee Walker, eiriolwr, ar ran Jess Taylor.)"), welsh);
        assertTrue(welsh.contains("Bu'r gweithwyr proffesiynol yn siarad hebddoch chi am ran o'r cyfarfod."), welsh);
        assertFalse(welsh.contains("advocate, for") || welsh.contains("The professionals talked"), welsh);
        String english = text(MinutesPdf.render(minutes(said).forViewer(null, true), Language.ENGLISH));
        assertTrue(english.contains("(Written by Dee Walker, advocate, for Jess Taylor.)"), english);
        assertTrue(english.contains(PrivatePart.DEFAULT_FAMILY_TEXT), english);
    }

    @Test
    void minutes_frozen_before_the_advocates_name_was_kept_apart_still_say_who_wrote_the_views() throws IOException {
        var frozen = new ConferenceRecordView.StatementEntry(Stance.AGREES, null, "Jess Taylor", null, AT, "Dee Walker, advocate, for Jess Taylor", null);
        assertTrue(text(MinutesPdf.render(minutes(frozen), Language.WELSH)).contains("Dee Walker, advocate, for Jess Taylor"));
    }

    @Test
    void a_welsh_reader_of_everything_we_hold_reads_who_joined_and_left_the_household_in_welsh_by_name() throws IOException {
        var jess = new MemberView(UUID.randomUUID(), FAMILY, "Jess Taylor", null, null, null, null, null, null, true, false, false, null, null, null);
        var kai = new MemberView(UUID.randomUUID(), FAMILY, "Kai Taylor", null, null, null, null, null, null, true, false, false, null, null, null);
        var lee = new MemberView(UUID.randomUUID(), FAMILY, "Lee Taylor", null, null, null, null, null, null, true, false, false, null, null, null);
        // As HouseholdChanges stores them (in English), read back through the view.
        var joined = new DetailChangeView(UUID.randomUUID(), kai.id(), DetailField.HOUSEHOLD, "household", null, "Kai Taylor was added to the family",
                "Jess Taylor", false, AT, DetailChangeView.HouseholdChange.JOINED, null);
        var left = new DetailChangeView(UUID.randomUUID(), lee.id(), DetailField.HOUSEHOLD, "household", "Lives in the household",
                "Left the household on 2026-11-20", "Jess Taylor", false, AT, DetailChangeView.HouseholdChange.LEFT, LocalDate.of(2026, 11, 20));
        var data = new MyDataView(AT, "Jess Taylor", new FamilyView(FAMILY, "Taylor family", null, null, null, false, List.of(jess, kai),
                List.of(lee), List.of(), List.of()), new PlanView(UUID.randomUUID(), FAMILY, 1, List.of(), false), List.of(), List.of(),
                List.of(joined, left), List.of(), new SharingView(List.of(), List.of(), 0, List.of()), List.of(), List.of());
        String welsh = text(MyDataPdf.render(data, Language.WELSH));
        assertTrue(welsh.contains("26 Tachwedd 2026 am 10:00: ychwanegodd Jess Taylor Kai Taylor at yr aelwyd."), welsh);
        assertTrue(welsh.contains("dywedodd Jess Taylor fod Lee Taylor wedi gadael yr aelwyd ar 20 Tachwedd 2026."), welsh);
        assertFalse(welsh.contains("was added to the family") || welsh.contains("Left the household"), welsh);
        String english = text(MyDataPdf.render(data, Language.ENGLISH));
        assertTrue(english.contains("Jess Taylor said Lee Taylor left the household on 20 November 2026."), english);
    }
}
