package org.roundtable.conference.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.plan.FractionalIndex;

/**
 * Writes the benchmark's rooms straight into the database (signing 1600 people in through the
 * API would take longer than the run): one agency, the staff who take part, and per room a
 * family, its plan with one goal and one action per participant, a live conference inviting
 * them all, and a session for each person.
 */
final class BenchmarkSeed {

    /** One room: its conference and, per participant, the action they type into. */
    record Room(UUID conferenceId, UUID familyId, UUID goalId, List<UUID> actions) {
    }

    record Seeded(List<String> sessionTokens, List<Room> rooms) {
    }

    private BenchmarkSeed() {
    }

    static Seeded seed(Connection db, String label, int rooms, int participants) throws SQLException {
        db.setAutoCommit(false);
        Instant now = Instant.now();
        UUID agency = UUID.randomUUID();
        exec(db, "insert into agency (id, name, kind) values (?, ?, 'OTHER')", agency, "Benchmark agency " + label);
        List<UUID> staff = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (PreparedStatement person = db.prepareStatement("insert into staff_member (id, agency_id, full_name, email, username, password_hash, is_chair) values (?, ?, ?, ?, ?, 'not-used', ?)");
                PreparedStatement session = db.prepareStatement("insert into user_session (id, token_hash, csrf_token, caller_kind, caller_id, created_at, last_seen_at, expires_at) values (?, ?, 'csrf', 'STAFF', ?, ?, ?, ?)")) {
            for (int p = 0; p < participants; p++) {
                UUID id = UUID.randomUUID();
                staff.add(id);
                set(person, id, agency, "Person " + p, "p" + p + "@bench.example", label + "-p" + p, p == 0);
                person.addBatch();
                String token = Secrets.token();
                tokens.add(token);
                set(session, UUID.randomUUID(), Secrets.sha256(token), id, Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now.plusSeconds(11 * 3600)));
                session.addBatch();
            }
            person.executeBatch();
            session.executeBatch();
        }
        List<Room> list = new ArrayList<>();
        try (PreparedStatement family = db.prepareStatement("insert into family (id, name, created_at) values (?, ?, ?)");
                PreparedStatement involvement = db.prepareStatement("insert into involvement (id, family_id, agency_id, lead_practitioner_id, starts_on) values (?, ?, ?, ?, ?)");
                PreparedStatement plan = db.prepareStatement("insert into action_plan (id, family_id, revision, document, document_revision) values (?, ?, 0, ?, 0)");
                PreparedStatement goal = db.prepareStatement("insert into plan_goal (id, plan_id, position_key, title) values (?, ?, 'V', 'Benchmark goal')");
                PreparedStatement action = db.prepareStatement("insert into plan_action (id, goal_id, position_key, description, status) values (?, ?, ?, '', 'PROPOSED')");
                PreparedStatement conference = db.prepareStatement("insert into conference (id, family_id, kind, scheduled_start, chair_id, status) values (?, ?, 'OTHER', ?, ?, 'LIVE')");
                PreparedStatement invitee = db.prepareStatement("insert into conference_invitee (id, conference_id, role, staff_member_id) values (?, ?, ?, ?)")) {
            for (int r = 0; r < rooms; r++) {
                UUID familyId = UUID.randomUUID();
                UUID planId = UUID.randomUUID();
                UUID goalId = UUID.randomUUID();
                UUID conferenceId = UUID.randomUUID();
                set(family, familyId, "Benchmark family " + label + " " + r, Timestamp.from(now));
                family.addBatch();
                set(involvement, UUID.randomUUID(), familyId, agency, staff.get(0), java.sql.Date.valueOf(LocalDate.now().minusDays(1)));
                involvement.addBatch();
                List<UUID> actions = new ArrayList<>();
                var nodes = new StringBuilder("{\"nodes\":[{\"id\":\"" + goalId + "\",\"kind\":\"GOAL\",\"fields\":{\"POSITION\":\"V\",\"TITLE\":\"Benchmark goal\"}}");
                String key = null;
                for (int p = 0; p < participants; p++) {
                    UUID actionId = UUID.randomUUID();
                    actions.add(actionId);
                    key = FractionalIndex.between(key, null);
                    nodes.append(",{\"id\":\"").append(actionId).append("\",\"kind\":\"ACTION\",\"fields\":{\"GOAL\":\"").append(goalId)
                            .append("\",\"POSITION\":\"").append(key).append("\",\"DESCRIPTION\":\"\",\"STATUS\":\"PROPOSED\"}}");
                    set(action, actionId, goalId, key);
                    action.addBatch();
                }
                nodes.append("]}");
                set(plan, planId, familyId, nodes.toString());
                plan.addBatch();
                set(goal, goalId, planId);
                goal.addBatch();
                set(conference, conferenceId, familyId, Timestamp.from(now), staff.get(0));
                conference.addBatch();
                for (int p = 0; p < participants; p++) {
                    set(invitee, UUID.randomUUID(), conferenceId, p == 0 ? "CHAIR" : "AGENCY_STAFF", staff.get(p));
                    invitee.addBatch();
                }
                list.add(new Room(conferenceId, familyId, goalId, actions));
            }
            family.executeBatch();
            involvement.executeBatch();
            plan.executeBatch();
            goal.executeBatch();
            action.executeBatch();
            conference.executeBatch();
            invitee.executeBatch();
        }
        db.commit();
        return new Seeded(tokens, list);
    }

    /** An administrator of a new agency, signed in: the token of their session (to ask a node which node owns a plan). */
    static String administrator(Connection db, String label) throws SQLException {
        db.setAutoCommit(false);
        Instant now = Instant.now();
        UUID agency = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String token = Secrets.token();
        exec(db, "insert into agency (id, name, kind) values (?, ?, 'OTHER')", agency, "Benchmark administrators " + label);
        exec(db, "insert into staff_member (id, agency_id, full_name, email, username, password_hash, is_chair, is_administrator)"
                + " values (?, ?, 'Benchmark administrator', ?, ?, 'not-used', false, true)", id, agency, "admin-" + label + "@bench.example",
                "admin-" + label);
        exec(db, "insert into user_session (id, token_hash, csrf_token, caller_kind, caller_id, created_at, last_seen_at, expires_at)"
                + " values (?, ?, 'csrf', 'STAFF', ?, ?, ?, ?)", UUID.randomUUID(), Secrets.sha256(token), id, Timestamp.from(now),
                Timestamp.from(now), Timestamp.from(now.plusSeconds(11 * 3600)));
        db.commit();
        db.setAutoCommit(true);
        return token;
    }

    private static void exec(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            set(s, params);
            s.executeUpdate();
        }
    }

    private static void set(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
