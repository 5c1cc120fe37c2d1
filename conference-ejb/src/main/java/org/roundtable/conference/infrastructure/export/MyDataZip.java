package org.roundtable.conference.infrastructure.export;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.roundtable.conference.infrastructure.persistence.HeldTables;

/**
 * "Everything we hold about you" as one ZIP, written to the stream given (a temporary file): the JSON (a
 * readable summary, then every table that holds anything about the family, then what was left
 * out and why), the readable PDF, and each report shared with the family exactly as uploaded.
 */
public final class MyDataZip {

    public static final String JSON_FILE = "my-family-data.json";
    public static final String PDF_FILE = "my-family-data.pdf";
    public static final String REPORTS_FOLDER = "reports/";

    /** Who asked, for which family, and what they may read already put in words. */
    public record Request(UUID familyId, String familyName, UUID personId, String requestedBy, Instant generatedAt,
            LocalDate today, JsonValue readable, byte[] pdf) {
    }

    private MyDataZip() {
    }

    public static void write(Request request, Connection connection, OutputStream out) throws IOException, SQLException {
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(JSON_FILE));
        writeJson(request, connection, new KeepOpen(zip));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PDF_FILE));
        zip.write(request.pdf());
        zip.closeEntry();
        writeReports(request.familyId(), connection, zip);
        zip.finish();
        zip.flush();
    }

    private static void writeJson(Request r, Connection connection, OutputStream out) throws SQLException {
        try (JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject();
            json.write("about", "Everything Roundtable holds about the " + r.familyName() + ". \"readable\" is the same as the PDF;"
                    + " \"tables\" holds every row about your family, table by table; \"leftOut\" says what is not here and why;"
                    + " the reports shared with you are in the reports folder, exactly as they were uploaded.");
            json.write("generatedAt", r.generatedAt().toString());
            json.write("requestedBy", r.requestedBy());
            json.write("familyId", r.familyId().toString());
            json.write("readable", r.readable());
            json.writeStartObject("tables");
            HeldTables.write(connection, r.familyId(), r.personId(), r.today(), json);
            json.writeEnd();
            json.writeStartArray("leftOut");
            for (var left : HeldTables.leftOut()) {
                json.writeStartObject().write("table", left.table()).write("what", left.what()).write("why", left.why()).writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    /** Each shared report, one at a time: only one file is in memory at once. */
    private static void writeReports(UUID familyId, Connection connection, ZipOutputStream zip) throws SQLException, IOException {
        var names = new HashSet<String>();
        try (var statement = connection.prepareStatement("""
                select a.name, r.file_name, r.content from conference_report r
                join conference c on c.id = r.conference_id join agency a on a.id = r.agency_id
                where c.family_id = ? and r.shared_at is not null order by r.uploaded_at""")) {
            statement.setObject(1, familyId);
            statement.setFetchSize(1);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = unique(names, safe(rows.getString(1)) + " - " + safe(rows.getString(2)));
                    zip.putNextEntry(new ZipEntry(REPORTS_FOLDER + name));
                    try (var content = rows.getBinaryStream(3)) {
                        content.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    private static String unique(java.util.Set<String> taken, String name) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            int dot = name.lastIndexOf('.');
            candidate = dot < 0 ? name + " (" + n + ")" : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
        }
        return candidate;
    }

    /** The JSON writer closes its stream when done; the ZIP must stay open for the next file. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
