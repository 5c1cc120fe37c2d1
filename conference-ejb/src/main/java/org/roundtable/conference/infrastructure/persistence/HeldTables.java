package org.roundtable.conference.infrastructure.persistence;

import jakarta.json.stream.JsonGenerator;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every table that holds anything about a family, with the query that picks out that family's
 * rows, and what is left out of each and why. A family member's copy of "everything held" is
 * written from here, table by table, row by row, straight into the download (nothing is built
 * up in memory). A test compares this list with the database's own catalogue of foreign keys,
 * so a new table about families cannot be forgotten.
 */
public final class HeldTables {

    /** A column (or rows) of a table kept out of the family's copy, and why, in plain words. */
    public record LeftOut(String table, String what, String why) {
    }

    /**
     * One table: how its rows reach the family (a where clause over alias t, whose parameters are
     * the family's id, then the person's id, then today, as the clause asks with :family,
     * :person, :today), and the columns left out.
     */
    record Table(String name, String where, Map<String, String> columnsLeftOut, String rowsLeftOut,
            String ownerColumn, Map<String, String> othersColumnsLeftOut) {

        Table(String name, String where, Map<String, String> columnsLeftOut, String rowsLeftOut) {
            this(name, where, columnsLeftOut, rowsLeftOut, null, Map.of());
        }
    }

    private static final String CONFERENCES = "select c.id from conference c where c.family_id = :family";
    private static final String INVITEES = "select i.id from conference_invitee i join conference c on c.id = i.conference_id"
            + " where c.family_id = :family";
    private static final String INVITEE_ANSWERS = "What each person told the chair about coming to a meeting (why they"
            + " cannot come, the help they need, an interpreter) and when they opened their invitation stay between them"
            + " and the chair. Your own answers are here.";
    private static final String PLANS = "select p.id from action_plan p where p.family_id = :family";
    private static final String SECRET = "A secret used to check a sign-in link; it says nothing about you and would let someone"
            + " pretend to be the person it was sent to.";

    private static final List<Table> TABLES = List.of(
            table("family", "t.id = :family"),
            table("family_member", "t.family_id = :family"),
            table("involvement", "t.family_id = :family"),
            table("advocate_assignment", "t.family_id = :family"),
            table("contact", "t.family_id = :family"),
            table("detail_change", "t.family_id = :family"),
            table("detail_proposal", "t.family_id = :family"),
            table("sharing_preference", "t.family_id = :family"),
            table("sharing_request", "t.family_id = :family"),
            new Table("sharing_decision",
                    "t.family_id = :family and (t.restriction_review_on is null or t.restriction_review_on <= :today)",
                    Map.of("restriction_reason", "A chair's reason for telling you about this decision later; you are told about"
                                    + " the decision itself from the review date the chair set.",
                            "restriction_review_on", "As above.", "restricted_by_name", "As above."),
                    "Decisions a chair has asked us not to tell you about yet, until the review date the chair set. The law"
                            + " allows this when telling you now could put someone at risk."),
            table("record_access", "t.family_id = :family"),
            table("action_plan", "t.family_id = :family"),
            table("plan_change", "t.plan_id in (" + PLANS + ")"),
            table("plan_goal", "t.plan_id in (" + PLANS + ")"),
            table("plan_action", "t.goal_id in (select g.id from plan_goal g where g.plan_id in (" + PLANS + "))"),
            table("progress_update", "t.action_id in (select a.id from plan_action a join plan_goal g on g.id = a.goal_id"
                    + " where g.plan_id in (" + PLANS + "))"),
            table("action_signature", "t.plan_id in (" + PLANS + ")"),
            table("conference", "t.family_id = :family"),
            new Table("conference_invitee", "t.conference_id in (" + CONFERENCES + ")", Map.of(), null, "family_member_id",
                    Map.of("cant_come_reason", INVITEE_ANSWERS, "interpreter_language", INVITEE_ANSWERS,
                            "access_needs", INVITEE_ANSWERS, "answer", INVITEE_ANSWERS, "answered_at", INVITEE_ANSWERS,
                            "opened_at", INVITEE_ANSWERS, "signed_in_at", INVITEE_ANSWERS, "joined_at", INVITEE_ANSWERS)),
            table("agenda_item", "t.conference_id in (" + CONFERENCES + ")"),
            table("conference_statement", "t.conference_id in (" + CONFERENCES + ")"),
            new Table("conference_record", "t.conference_id in (" + CONFERENCES + ")",
                    Map.of("record", "The record as it was frozen keeps what was said in private parts of the meeting. Your copy"
                            + " of each record, as you may read it, is under \"readable\", \"conferences\"."), null),
            new Table("private_part", "t.conference_id in (" + CONFERENCES + ")",
                    Map.of("reason", "The professionals' own reason for a private part of a meeting. What the chair wrote for you"
                            + " is in family_text."), null),
            table("private_part_exclusion", "t.private_part_id in (select p.id from private_part p where p.conference_id in ("
                    + CONFERENCES + "))"),
            new Table("plan_comment", "t.family_id = :family and (t.private_part_id is null or exists ("
                    + "select 1 from private_part p join conference_invitee i on i.conference_id = p.conference_id"
                    + " where p.id = t.private_part_id and i.family_member_id = :person and not exists ("
                    + "select 1 from private_part_exclusion x where x.private_part_id = p.id and x.invitee_id = i.id)))",
                    Map.of(), "What was said in private parts of a meeting you were not present for."),
            new Table("conference_report", "t.conference_id in (" + CONFERENCES + ") and t.shared_at is not null",
                    Map.of("content", "The report itself is in the reports folder of this download, exactly as it was uploaded."),
                    "Reports an agency has not yet shared with you."),
            new Table("views_before_meeting", "t.invitee_id in (" + INVITEES + ")",
                    Map.of("file_content", "A file sent with views before a meeting stays with the chair; its name is in file_name."),
                    null),
            new Table("invitation", "t.invitee_id in (" + INVITEES + ")", Map.of("token_hash", SECRET), null));

    /** Kept out whole, on purpose: what the family's copy says about them. */
    public static final List<LeftOut> TABLES_LEFT_OUT = List.of(
            new LeftOut("audit_entry", "the whole table", "The tamper-evident log of what workers did. What it records about"
                    + " you is already here: the sharing ledger, changes to your details, and who looked at your record."),
            new LeftOut("user_session, one_time_code, password_setup, unlock_link", "the whole tables", "Sign-in secrets"
                    + " (session ids and the hashes of codes and links). They say nothing about you and would let someone"
                    + " sign in as you."));

    private HeldTables() {
    }

    private static Table table(String name, String where) {
        return new Table(name, where, Map.of(), null);
    }

    /** The names of the tables written, in order. */
    public static List<String> names() {
        return TABLES.stream().map(Table::name).toList();
    }

    /** Everything left out of the family's copy: columns, rows and whole tables, each with its reason. */
    public static List<LeftOut> leftOut() {
        var all = new java.util.ArrayList<LeftOut>();
        for (Table t : TABLES) {
            t.columnsLeftOut().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(c -> all.add(new LeftOut(t.name(), "column " + c.getKey(), c.getValue())));
            t.othersColumnsLeftOut().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(c -> all.add(new LeftOut(t.name(), "column " + c.getKey() + " of other people's rows", c.getValue())));
            if (t.rowsLeftOut() != null) {
                all.add(new LeftOut(t.name(), "some rows", t.rowsLeftOut()));
            }
        }
        all.addAll(TABLES_LEFT_OUT);
        return all;
    }

    /** Writes "table": [rows] for every table, as fields of the object the generator is in. */
    public static void write(Connection connection, UUID familyId, UUID personId, LocalDate today, JsonGenerator json)
            throws SQLException {
        for (Table t : TABLES) {
            json.writeStartArray(t.name());
            var params = new java.util.ArrayList<Object>();
            String where = bind(t.where(), familyId, personId, today, params);
            try (var statement = connection.prepareStatement("select t.* from " + t.name() + " t where " + where)) {
                statement.setFetchSize(200);
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        boolean othersRow = t.ownerColumn() != null && !personId.toString().equals(rows.getString(t.ownerColumn()));
                        json.writeStartObject();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            String column = meta.getColumnName(c);
                            if (!t.columnsLeftOut().containsKey(column)
                                    && !(othersRow && t.othersColumnsLeftOut().containsKey(column))) {
                                value(json, column, rows, c);
                            }
                        }
                        json.writeEnd();
                    }
                }
            }
            json.writeEnd();
        }
    }

    /** Replaces the named parameters by ?, in order, collecting their values. */
    private static String bind(String where, UUID familyId, UUID personId, LocalDate today, List<Object> params) {
        var sql = new StringBuilder();
        var matcher = java.util.regex.Pattern.compile(":(family|person|today)").matcher(where);
        while (matcher.find()) {
            params.add(switch (matcher.group(1)) {
                case "family" -> familyId;
                case "person" -> personId;
                default -> Date.valueOf(today);
            });
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    private static void value(JsonGenerator json, String column, ResultSet rows, int c) throws SQLException {
        Object v = rows.getObject(c);
        if (v == null) {
            json.writeNull(column);
        } else if (v instanceof Boolean b) {
            json.write(column, b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            json.write(column, ((Number) v).longValue());
        } else if (v instanceof java.math.BigDecimal d) {
            json.write(column, d);
        } else if (v instanceof Timestamp ts) {
            json.write(column, ts.toInstant().toString());
        } else if (v instanceof Date d) {
            json.write(column, d.toLocalDate().toString());
        } else if (v instanceof byte[]) {
            // Files are never written into the JSON: a table that holds one declares it left out.
            json.write(column, "(a file, left out of this list)");
        } else {
            json.write(column, rows.getString(c));
        }
    }
}
