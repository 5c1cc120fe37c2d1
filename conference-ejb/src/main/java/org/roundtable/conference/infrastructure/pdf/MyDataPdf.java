package org.roundtable.conference.infrastructure.pdf;

import static org.roundtable.conference.infrastructure.pdf.PlainPdf.day;
import static org.roundtable.conference.infrastructure.pdf.PlainPdf.when;

import org.roundtable.conference.application.view.MyDataView;

/** The family's data as a readable, tagged PDF, in plain words, section by section. */
public final class MyDataPdf {

    private MyDataPdf() {
    }

    public static byte[] render(MyDataView d) {
        var doc = new PlainPdf("Everything we hold about the " + d.family().name(),
                "Everything Roundtable holds about your family, in plain words, section by section.");
        doc.line("Made on " + when(d.generatedAt()) + " for " + d.requestedBy() + ".");

        doc.heading("Your family");
        doc.list(d.family().members().stream().map(m -> m.fullName()
                + (m.dateOfBirth() == null ? "" : ", born " + day(m.dateOfBirth()))
                + (m.phone() == null ? "" : ". Phone: " + m.phone()) + (m.email() == null ? "" : ". Email: " + m.email())
                + (m.address() == null ? "" : ". Address: " + m.address())
                + (m.preferredLanguage() == null ? "" : ". Language: " + m.preferredLanguage())
                + (m.accessNeeds() == null ? "" : ". Access needs: " + m.accessNeeds()) + ".").toList());
        if (d.family().messageToWorkers() != null) {
            doc.line("What you want every worker to know: " + d.family().messageToWorkers());
        }

        doc.heading("Who works with you");
        doc.list(d.family().involvements().stream()
                .map(i -> i.agencyName() + ", with " + i.leadPractitionerName() + ", since " + day(i.startsOn()) + ".").toList());

        doc.heading("Your plan");
        for (var g : d.plan().goals()) {
            doc.subheading("Goal: " + g.title());
            doc.list(g.actions().stream().map(a -> a.description() + ". Who: " + a.ownerName() + ". By: "
                    + (a.dueOn() == null ? "no date" : day(a.dueOn())) + ".").toList());
        }

        doc.heading("Conferences");
        for (var c : d.conferences()) {
            doc.line(when(c.scheduledStart()) + ": " + c.kind().name().toLowerCase().replace('_', ' ')
                    + (c.closed() ? " (closed)" : "") + ". Decisions: " + (c.decisions().isEmpty() ? "none written down" : String.join("; ", c.decisions())) + ".");
            // The family's copy carries what the family was told about each private part, never the professionals' reason.
            for (var p : c.privateParts()) {
                doc.line("Part of this meeting was held without some people. " + p.familyText());
            }
        }

        doc.heading("Contacts with agencies");
        doc.list(d.contacts().stream().map(c -> day(c.happenedOn()) + ", " + c.agencyName() + ", " + c.kind().name().toLowerCase()
                + ": " + c.summary()).toList());

        doc.heading("Changes to your details");
        doc.list(d.detailChanges().stream().map(c -> when(c.changedAt()) + ": " + c.changedByName() + " changed " + c.fieldName()
                + " from \"" + nothing(c.oldValue()) + "\" to \"" + nothing(c.newValue()) + "\".").toList());

        doc.heading("Who your information was shared with against your wishes");
        if (d.sharing().ledger().isEmpty()) {
            doc.line("Nobody.");
        }
        doc.list(d.sharing().ledger().stream().map(e -> when(e.decidedAt()) + ": " + e.decidedByName() + " shared " + e.what()
                + " with " + e.agencyName() + ". Why: " + e.reason()).toList());

        doc.heading("Who looked at your record");
        doc.list(d.accessLog().stream().map(a -> when(a.at()) + ": " + a.staffName() + " (" + a.agencyName() + ") looked at "
                + a.what() + (a.purpose() == null ? "." : ", to " + a.purpose() + ".")).toList());

        doc.heading("Reports shared with you");
        doc.list(d.reports().stream().map(r -> r.agencyName() + ": " + r.fileName() + ", shared " + when(r.sharedAt()) + ".").toList());
        return doc.render();
    }

    private static String nothing(String value) {
        return value == null ? "nothing" : value;
    }

}
