package org.roundtable.conference.application.document;

import static org.roundtable.conference.infrastructure.pdf.PlainPdf.day;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.when;
import static org.roundtable.conference.infrastructure.text.Texts.values;

import java.util.stream.Stream;
import org.roundtable.conference.application.view.DetailChangeView;
import org.roundtable.conference.application.view.FamilyView;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.application.view.MyDataView;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.pdf.PlainPdf;
import org.roundtable.conference.infrastructure.text.Texts;

/**
 * The family's data as a readable, tagged PDF, in plain words, section by section, in the
 * reader's language (English or Welsh; names and what people wrote stay as they were written).
 */
public final class MyDataPdf {

    private MyDataPdf() {
    }

    public static byte[] render(MyDataView d) {
        return render(d, Language.ENGLISH);
    }

    public static byte[] render(MyDataView d, Language language) {
        var w = Texts.of("pdf-texts", language);
        var doc = new PlainPdf(w.fill("myData.title", values("family", d.family().name())), w.get("myData.description"), language);
        doc.line(w.fill("myData.made", values("when", when(d.generatedAt(), w), "name", d.requestedBy())));

        doc.heading(w.get("myData.family"));
        doc.list(d.family().members().stream().map(m -> m.fullName()
                + (m.dateOfBirth() == null ? "" : w.fill("myData.born", values("date", day(m.dateOfBirth(), w))))
                + (m.phone() == null ? "" : w.fill("myData.phone", values("phone", m.phone())))
                + (m.email() == null ? "" : w.fill("myData.email", values("email", m.email())))
                + (m.address() == null ? "" : w.fill("myData.address", values("address", m.address())))
                + (m.preferredLanguage() == null ? "" : w.fill("myData.language", values("language", m.preferredLanguage())))
                + (m.accessNeeds() == null ? "" : w.fill("myData.accessNeeds", values("needs", m.accessNeeds()))) + ".").toList());
        if (d.family().messageToWorkers() != null) {
            doc.line(w.fill("myData.messageToWorkers", values("message", d.family().messageToWorkers())));
        }

        doc.heading(w.get("myData.whoWorks"));
        doc.list(d.family().involvements().stream().map(i -> w.fill("myData.involvement",
                values("agency", i.agencyName(), "lead", i.leadPractitionerName(), "date", day(i.startsOn(), w)))).toList());

        doc.heading(w.get("myData.plan"));
        for (var g : d.plan().goals()) {
            doc.subheading(w.fill("myData.goal", values("title", g.title())));
            doc.list(g.actions().stream().map(a -> w.fill("myData.action", values("action", a.description(), "owner", a.ownerName(),
                    "due", a.dueOn() == null ? w.get("myData.noDate") : day(a.dueOn(), w)))).toList());
        }

        doc.heading(w.get("myData.conferences"));
        for (var c : d.conferences()) {
            doc.line(w.fill("myData.conference", values("when", when(c.scheduledStart(), w), "kind", w.get("kind." + c.kind().name()),
                    "closed", c.closed() ? w.get("myData.closed") : "",
                    "decisions", c.decisions().isEmpty() ? w.get("myData.noDecisions") : String.join("; ", c.decisions()))));
            // The family's copy carries what the family was told about each private part, never the professionals' reason.
            for (var p : c.privateParts()) {
                doc.line(w.fill("myData.privatePart", values("text", PlainPdf.toldTheFamily(p.familyText(), w))));
            }
        }

        doc.heading(w.get("myData.contacts"));
        doc.list(d.contacts().stream().map(c -> w.fill("myData.contact", values("date", day(c.happenedOn(), w), "agency", c.agencyName(),
                "kind", w.get("contact." + c.kind().name()), "summary", c.summary()))).toList());

        doc.heading(w.get("myData.changes"));
        doc.list(d.detailChanges().stream().map(c -> change(c, d.family(), w)).toList());

        doc.heading(w.get("myData.ledger"));
        if (d.sharing().ledger().isEmpty()) {
            doc.line(w.get("myData.nobody"));
        }
        doc.list(d.sharing().ledger().stream().map(e -> w.fill("myData.shared", values("when", when(e.decidedAt(), w), "name", e.decidedByName(),
                "what", w.get("what." + e.kind().name()), "agency", e.agencyName(), "reason", e.reason()))).toList());

        doc.heading(w.get("myData.accessLog"));
        doc.list(d.accessLog().stream().map(a -> {
            var fields = values("when", when(a.at(), w), "name", a.staffName(), "agency", a.agencyName(),
                    "what", looked(a.what(), w));
            if (a.purpose() == null) {
                return w.fill("myData.looked", fields);
            }
            fields.put("purpose", a.purpose());
            return w.fill("myData.lookedFor", fields);
        }).toList());

        doc.heading(w.get("myData.reports"));
        doc.list(d.reports().stream().map(r -> w.fill("myData.report", values("agency", r.agencyName(), "file", r.fileName(),
                "when", when(r.sharedAt(), w)))).toList());
        return doc.render();
    }

    /** A change to the details; someone joining or leaving the household is said in the reader's words, with their name. */
    private static String change(DetailChangeView c, FamilyView family, Texts w) {
        if (c.household() == null) {
            return w.fill("myData.change", values("when", when(c.changedAt(), w), "name", c.changedByName(),
                    "field", w.get("field." + c.field().name()), "old", nothing(c.oldValue(), w), "new", nothing(c.newValue(), w)));
        }
        String who = Stream.concat(family.members().stream(), family.formerMembers().stream()).filter(m -> m.id().equals(c.memberId()))
                .map(MemberView::fullName).findFirst().orElse(w.get("myData.someone"));
        var fields = values("when", when(c.changedAt(), w), "by", c.changedByName(), "name", who);
        if (c.household() == DetailChangeView.HouseholdChange.JOINED) {
            return w.fill("myData.joined", fields);
        }
        fields.put("date", c.leftOn() == null ? when(c.changedAt(), w) : day(c.leftOn(), w));
        return w.fill("myData.left", fields);
    }

    private static String nothing(String value, Texts w) {
        return value == null ? w.get("myData.nothing") : value;
    }

    /** What a worker looked at: the access log keeps fixed English words, written here in the reader's language. */
    private static String looked(String what, Texts w) {
        var english = Texts.of("pdf-texts", Language.ENGLISH);
        return english.keys().stream().filter(k -> k.startsWith("read.") && english.get(k).equals(what)).findFirst()
                .map(w::get).orElse(what);
    }
}
