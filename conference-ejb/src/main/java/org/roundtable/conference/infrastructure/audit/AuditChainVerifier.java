package org.roundtable.conference.infrastructure.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roundtable.shared.audit.ChainHash;

/**
 * Walks the audit log and every plan's change chain, recomputing each hash, and reports the
 * first link that does not hold. Plain JDBC, so that the server's endpoint and the command line
 * check the database the same way.
 */
public final class AuditChainVerifier {

    /**
     * Where the chain breaks: which log ("audit", "plan" or "record"), the plan or conference it
     * is about (subjectId), which entry, and what is wrong there.
     */
    public record BrokenLink(String log, UUID subjectId, long position, String problem) {
    }

    public record Verification(boolean intact, long auditEntriesChecked, long planChangesChecked, int plansChecked,
            BrokenLink firstBrokenLink) {
    }

    private static final Pattern RECORD_HASH = Pattern.compile("\"recordHash\":\"([0-9a-f]{64})\"");

    private AuditChainVerifier() {
    }

    public static Verification verify(Connection connection) throws SQLException {
        long[] entries = {0};
        Map<String, String> recordHashes = new HashMap<>();
        BrokenLink broken = verifyAuditLog(connection, entries, recordHashes);
        if (broken == null) {
            broken = verifyRecords(connection, recordHashes);
        }
        long changes = 0;
        var plans = new ArrayList<Object[]>();
        try (var st = connection.prepareStatement("select id, chain_from from action_plan order by id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                plans.add(new Object[] {UUID.fromString(rs.getString(1)), rs.getLong(2)});
            }
        }
        for (Object[] plan : plans) {
            if (broken != null) {
                break;
            }
            long[] checked = {0};
            broken = verifyPlan(connection, (UUID) plan[0], (Long) plan[1], checked);
            changes += checked[0];
        }
        return new Verification(broken == null, entries[0], changes, plans.size(), broken);
    }

    private static BrokenLink verifyAuditLog(Connection connection, long[] checked, Map<String, String> recordHashes)
            throws SQLException {
        String previous = ChainHash.GENESIS;
        long expectedSeq = 1;
        try (var st = connection.prepareStatement("""
                select seq, recorded_at, actor_kind, actor_id, actor_name, family_id, event, subject_id, detail, previous_hash, hash
                from audit_entry order by seq"""); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expectedSeq) {
                    return new BrokenLink("audit", null, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!previous.equals(rs.getString(10))) {
                    return new BrokenLink("audit", null, seq, "does not follow the entry before it");
                }
                var event = new AuditLog.Event(rs.getString(7), uuid(rs.getString(6)), uuid(rs.getString(8)), rs.getString(9));
                String hash = AuditLog.entryHash(previous, seq, rs.getTimestamp(2).toInstant(), rs.getString(3),
                        uuid(rs.getString(4)), rs.getString(5), event);
                if (!hash.equals(rs.getString(11))) {
                    return new BrokenLink("audit", null, seq, "its content does not match its hash");
                }
                if ("CONFERENCE_CLOSED".equals(event.name())) {
                    Matcher m = RECORD_HASH.matcher(event.detail());
                    recordHashes.put(String.valueOf(event.subjectId()), m.find() ? m.group(1) : "");
                }
                previous = hash;
                expectedSeq++;
                checked[0]++;
            }
        }
        // The head remembers the last entry, so removing entries from the end is caught too.
        try (var st = connection.prepareStatement("select last_seq, last_hash from audit_head where id = 1");
                ResultSet rs = st.executeQuery()) {
            if (!rs.next() || rs.getLong(1) != expectedSeq - 1 || !previous.equals(rs.getString(2))) {
                return new BrokenLink("audit", null, expectedSeq, "entries are missing from the end of the log");
            }
        }
        return null;
    }

    /** Each frozen conference record must still be what its closing entry in the chain says it was. */
    private static BrokenLink verifyRecords(Connection connection, Map<String, String> recordHashes) throws SQLException {
        try (var st = connection.prepareStatement("select conference_id, record from conference_record order by closed_at");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String conference = rs.getString(1);
                if (!ChainHash.of(rs.getString(2)).equals(recordHashes.get(conference))) {
                    return new BrokenLink("record", UUID.fromString(conference), 0,
                            "the closed record of this conference is not the one that was written when it closed");
                }
            }
        }
        return null;
    }

    private static BrokenLink verifyPlan(Connection connection, UUID planId, long chainFrom, long[] checked) throws SQLException {
        String previous = ChainHash.GENESIS;
        long expected = chainFrom + 1;
        try (var st = connection.prepareStatement("""
                select revision, change_id, client_id, author_kind, author_id, operations, applied_at, previous_hash, hash
                from plan_change where plan_id = ? and revision > ? order by revision""")) {
            st.setObject(1, planId);
            st.setLong(2, chainFrom);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long revision = rs.getLong(1);
                    if (revision != expected) {
                        return new BrokenLink("plan", planId, expected, "change " + expected + " is missing");
                    }
                    if (!previous.equals(rs.getString(8))) {
                        return new BrokenLink("plan", planId, revision, "does not follow the change before it");
                    }
                    String hash = AuditLog.planChangeHash(previous, planId, revision, rs.getString(2), rs.getString(3),
                            rs.getString(4), uuid(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant());
                    if (!hash.equals(rs.getString(9))) {
                        return new BrokenLink("plan", planId, revision, "its content does not match its hash");
                    }
                    previous = hash;
                    expected++;
                    checked[0]++;
                }
            }
        }
        try (var st = connection.prepareStatement("select revision from action_plan where id = ?")) {
            st.setObject(1, planId);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getLong(1) != expected - 1) {
                    return new BrokenLink("plan", planId, expected, "changes are missing from the end of the plan's log");
                }
            }
        }
        return null;
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    /** The list form, for printing. */
    public static List<String> describe(Verification v) {
        var lines = new ArrayList<String>();
        lines.add("audit entries checked: " + v.auditEntriesChecked());
        lines.add("plans checked: " + v.plansChecked() + " (" + v.planChangesChecked() + " changes)");
        if (v.intact()) {
            lines.add("the chain is intact");
        } else {
            BrokenLink b = v.firstBrokenLink();
            lines.add("BROKEN: " + b.log() + (b.subjectId() == null ? "" : " of " + b.subjectId()) + " at " + b.position() + ": " + b.problem());
        }
        return lines;
    }
}
