package org.roundtable.shared.plan;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every limit a change must keep before it is accepted, in one table: the database's column
 * lengths, the protocol's own bounds, and the range of dates. The live socket and the REST API
 * check against these same numbers, and docs/protocol.md prints this table (a test keeps the two
 * equal), so a change the server acknowledges is always one the database can store.
 * Lengths count UTF-16 code units, as JavaScript's {@code length} does.
 */
public enum Limit {
    GOAL_TITLE("goal `TITLE`", 500, "`plan_goal.title`"),
    GOAL_DESCRIPTION("goal `DESCRIPTION`", 4000, "`plan_goal.description`"),
    ACTION_DESCRIPTION("action `DESCRIPTION`", 2000, "`plan_action.description`"),
    POSITION_KEY("`position`, `POSITION`", 64, "`plan_goal.position_key`, `plan_action.position_key`"),
    CHANGE_ID("`submit.changeId` (at least 1)", 64, "`plan_change.change_id`"),
    ID("every id: `id`, `goalId`, `itemId`, `participantId`, `editing.id`, `excluded[]`", 36, "a UUID"),
    VALUE("`set.value`", 64, "`OWNER` is a kind and a UUID; the other fields are shorter"),
    COMMENT("`comment.text` (at least 1 after trimming)", 2000, "`plan_comment.body`"),
    PRIVATE_REASON("`startPrivate.reason` (at least 1 after trimming)", 500, "`private_part.reason`"),
    EXCLUDED("`startPrivate.excluded` entries (at least 1)", 200, "the invitees of one conference"),
    OPERATIONS("`submit.ops` entries (at least 1)", 200, "one change"),
    PENDING("`hello.pending` entries", 16, "a client has one change in flight; a few more after a reload"),
    NESTING("depth of JSON nesting in a frame", 8, "the deepest message (`submit` > `ops` > op > `text`) is 4"),
    FRAME("characters in one frame", 32 * 1024, "longer ones get `too-large`; past 98304 the connection is closed with 1009 as the message arrives, unread"),
    DUE_ON_FIRST_YEAR("earliest year of `DUE_ON`", 1900, "`plan_action.due_on`"),
    DUE_ON_LAST_YEAR("latest year of `DUE_ON`", 2100, "`plan_action.due_on`"),
    SDP("`rtc.offer.sdp`, `rtc.answer.sdp` (at least 1)", 24 * 1024, "a browser's offer for sound and video is under 10,000; it must fit in one frame"),
    CANDIDATE("`rtc.candidate.candidate.candidate`, `.sdpMid`, `.usernameFragment`", 512, "an ICE candidate line is under 200");

    private final String what;
    private final int value;
    private final String why;

    Limit(String what, int value, String why) {
        this.what = what;
        this.value = value;
        this.why = why;
    }

    public int value() {
        return value;
    }

    /** The longest text a field of this kind of item may hold. */
    public static Limit forText(PlanNode.Kind kind, PlanField field) {
        if (field == PlanField.TITLE) {
            return GOAL_TITLE;
        }
        return kind == PlanNode.Kind.GOAL ? GOAL_DESCRIPTION : ACTION_DESCRIPTION;
    }

    /** The table as docs/protocol.md prints it. */
    public static String markdownTable() {
        return Stream.concat(Stream.of("| limit | value | why |", "|---|---|---|"),
                Stream.of(values()).map(l -> "| " + l.what + " | " + l.value + " | " + l.why + " |"))
                .collect(Collectors.joining("\n"));
    }
}
