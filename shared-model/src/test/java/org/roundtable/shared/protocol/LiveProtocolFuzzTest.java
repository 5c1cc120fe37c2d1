package org.roundtable.shared.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.roundtable.shared.plan.PlanAuthority;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanRejection;

/**
 * Whatever one participant sends, the live protocol's parser and the plan's submit pipeline
 * answer with a refusal they can explain (ProtocolViolation, PlanRejection) or a result; no other
 * exception escapes, and a refused change leaves the plan exactly as it was. Bounded: a few
 * thousand inputs, a few seconds.
 */
class LiveProtocolFuzzTest {

    private static final String GOAL = "0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e";
    private static final String ACTION = "1c8f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e";

    /** Frames a real client sends, the seeds of mutation. */
    private static final List<String> VALID = List.of(
            "{\"type\":\"hello\",\"v\":1}",
            "{\"type\":\"hello\",\"v\":1,\"revision\":3}",
            "{\"type\":\"submit\",\"changeId\":\"c1\",\"baseRevision\":0,\"ops\":[{\"op\":\"edit\",\"id\":\"" + GOAL
                    + "\",\"field\":\"TITLE\",\"text\":[3,\"!\"]}]}",
            "{\"type\":\"submit\",\"changeId\":\"c2\",\"baseRevision\":0,\"ops\":[{\"op\":\"set\",\"id\":\"" + ACTION
                    + "\",\"field\":\"STATUS\",\"value\":\"DONE\"},{\"op\":\"set\",\"id\":\"" + ACTION
                    + "\",\"field\":\"DUE_ON\",\"value\":\"2027-01-31\"},{\"op\":\"createAction\",\"id\":\"n1\",\"goalId\":\""
                    + GOAL + "\",\"position\":\"k\",\"description\":\"New\"}]}",
            "{\"type\":\"presence\",\"editing\":{\"id\":\"" + GOAL + "\",\"field\":\"TITLE\"}}",
            "{\"type\":\"comment\",\"id\":\"" + GOAL + "\",\"text\":\"A comment\"}",
            "{\"type\":\"moveAgenda\",\"itemId\":\"" + GOAL + "\"}",
            "{\"type\":\"clearHand\",\"participantId\":\"" + GOAL + "\"}",
            "{\"type\":\"startPrivate\",\"excluded\":[\"" + GOAL + "\"],\"reason\":\"Third party\"}",
            "{\"type\":\"endPrivate\"}", "{\"type\":\"raiseHand\"}", "{\"type\":\"lowerHand\"}", "{\"type\":\"ping\"}");

    /** JSON values that stress a field: wrong kinds, huge numbers, deep nesting, odd text. */
    private static Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "[]", "{}", "-1", "0", "1e309", "-9223372036854775809", "9223372036854775808",
                        "1.5", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                        "\"-999999999-01-01\"", "\"AGENCY:not-a-uuid\"", "\"x\"", "[1,\"a\",null]"),
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.longs().map(n -> Long.toString(n)));
    }

    /** A valid frame with one mutation: a value replaced, a slice cut, bytes inserted, or the frame cut short. */
    @Provide
    Arbitrary<String> mutatedFrames() {
        Arbitrary<String> valueSwapped = Combinators.combine(Arbitraries.of(VALID), hostileValues(), Arbitraries.integers().between(0, 20))
                .as((frame, value, nth) -> replaceNthValue(frame, nth, value));
        Arbitrary<String> cut = Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 300), Arbitraries.integers().between(0, 20))
                .as((frame, at, length) -> {
                    int start = Math.min(at, frame.length());
                    return frame.substring(0, start) + frame.substring(Math.min(frame.length(), start + length));
                });
        Arbitrary<String> inserted = Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 300),
                Arbitraries.strings().ofMaxLength(8)).as((frame, at, text) -> {
                    int i = Math.min(at, frame.length());
                    return frame.substring(0, i) + text + frame.substring(i);
                });
        return Arbitraries.oneOf(valueSwapped, cut, inserted);
    }

    private static String replaceNthValue(String frame, int nth, String value) {
        int seen = 0;
        for (int i = 0; i < frame.length(); i++) {
            if (frame.charAt(i) == ':' && seen++ == nth) {
                int end = i + 1;
                int depth = 0;
                boolean inString = false;
                for (; end < frame.length(); end++) {
                    char c = frame.charAt(end);
                    if (inString) {
                        if (c == '\\') {
                            end++;
                        } else if (c == '"') {
                            inString = false;
                        }
                    } else if (c == '"') {
                        inString = true;
                    } else if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        if (depth-- == 0) {
                            break;
                        }
                    } else if (c == ',' && depth == 0) {
                        break;
                    }
                }
                return frame.substring(0, i + 1) + value + frame.substring(end);
            }
        }
        return frame;
    }

    private static ClientMessage parseOrRefuse(String frame) {
        try {
            return LiveProtocol.parse(frame);
        } catch (ProtocolViolation refused) {
            return null;
        } catch (RuntimeException e) {
            fail("the parser let " + e + " escape for " + frame);
            return null;
        }
    }

    @Property(tries = 2000)
    void any_text_at_all_is_parsed_or_refused_with_a_reason(@ForAll @StringLength(max = 300) String frame) {
        parseOrRefuse(frame);
    }

    @Property(tries = 3000)
    void a_mutated_message_is_parsed_or_refused_and_a_refused_change_leaves_the_plan_as_it_was(@ForAll("mutatedFrames") String frame) {
        ClientMessage message = parseOrRefuse(frame);
        if (!(message instanceof ClientMessage.Submit submit)) {
            return;
        }
        var authority = new PlanAuthority(plan(), 0, 10);
        String before = PlanJson.toJson(authority.document()).toString();
        try {
            authority.submit(new PlanChange(submit.changeId(), "fuzz", submit.baseRevision(), submit.operations()));
        } catch (PlanRejection refused) {
            assertEquals(before, PlanJson.toJson(authority.document()).toString(), "a refused change altered the plan: " + frame);
        } catch (RuntimeException e) {
            fail("the submit pipeline let " + e + " escape for " + frame);
        }
    }

    private static PlanDocument plan() {
        var doc = new PlanDocument();
        doc.apply(new PlanOperation.CreateGoal(GOAL, "V", "abc"));
        doc.apply(new PlanOperation.CreateAction(ACTION, GOAL, "V", "Call home"));
        return doc;
    }
}
