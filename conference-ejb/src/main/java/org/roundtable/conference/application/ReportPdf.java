package org.roundtable.conference.application;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What an agency's report must be before the family is given it: a real PDF with pages, and
 * nothing in it that acts when it is opened. Scripts, launched programs, embedded files, rich
 * media, forms with scripts and actions on opening or on events are refused, wherever in the
 * file they are (every object is read, compressed ones too, with escaped names decoded).
 */
final class ReportPdf {

    static final String NOT_A_PDF = "This file is not a PDF. Save the report as a PDF and upload it again.";
    static final String ACTIVE = "This PDF contains parts that run code or open other files when it is read "
            + "(scripts, launch actions or embedded files). Save the report again as a plain PDF (for example with "
            + "'Print to PDF') and upload that.";

    /** Keys whose presence means the document acts by itself. */
    private static final Set<String> ACTIVE_KEYS = Set.of("JS", "JavaScript", "Launch", "AA", "EmbeddedFile", "EmbeddedFiles",
            "RichMedia", "RichMediaContent", "XFA");
    /** Action and object types that act, wherever they appear as a value (/S /JavaScript, /Type /EmbeddedFile). */
    private static final Set<String> ACTIVE_TYPES = Set.of("JavaScript", "Launch", "EmbeddedFile", "RichMedia", "ImportData",
            "SubmitForm", "GoToE", "GoToR", "Rendition", "Sound", "Movie");
    /** Actions on opening that only move to a page. */
    private static final Set<String> HARMLESS_OPEN_ACTIONS = Set.of("GoTo", "Named");
    private static final int MAX_DEPTH = 32;

    private ReportPdf() {
    }

    static void require(byte[] content) {
        boolean header = content.length > 5 && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
        if (!header) {
            throw new InvalidInput("file", NOT_A_PDF);
        }
        boolean active;
        try (var reader = new PdfReader(content)) {
            if (reader.getNumberOfPages() < 1) {
                throw new InvalidInput("file", NOT_A_PDF);
            }
            active = isActive(reader.getTrailer(), 0);
            for (int i = 1; i < reader.getXrefSize() && !active; i++) {
                active = isActive(reader.getPdfObject(i), 0);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", NOT_A_PDF);
        }
        if (active) {
            throw new InvalidInput("file", ACTIVE);
        }
    }

    /** Looks through one object and what it holds directly; other indirect objects are visited on their own. */
    private static boolean isActive(PdfObject object, int depth) {
        if (object == null || depth > MAX_DEPTH) {
            return false;
        }
        if (object.isName()) {
            return ACTIVE_TYPES.contains(name(object));
        }
        if (object.isArray()) {
            for (PdfObject item : ((PdfArray) object).getElements()) {
                if (isActive(item, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (object.isDictionary() || object.isStream()) {
            PdfDictionary dictionary = (PdfDictionary) object;
            for (PdfName key : dictionary.getKeys()) {
                String k = name(key);
                PdfObject value = dictionary.get(key);
                if (ACTIVE_KEYS.contains(k) || ("OpenAction".equals(k) && !harmlessOpenAction(value))) {
                    return true;
                }
                if (isActive(value, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A destination (an array) or an action that only goes to a page. */
    private static boolean harmlessOpenAction(PdfObject value) {
        PdfObject resolved = PdfReader.getPdfObject(value);
        if (resolved == null || resolved.isArray()) {
            return true;
        }
        if (resolved.isDictionary()) {
            PdfDictionary action = (PdfDictionary) resolved;
            PdfObject type = action.get(PdfName.S);
            return type != null && type.isName() && HARMLESS_OPEN_ACTIONS.contains(name(type)) && action.get(PdfName.NEXT) == null;
        }
        return false;
    }

    private static String name(PdfObject name) {
        return PdfName.decodeName(name.toString());
    }
}
