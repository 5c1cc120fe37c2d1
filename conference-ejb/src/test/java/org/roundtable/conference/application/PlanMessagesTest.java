package org.roundtable.conference.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.application.access.AccessDenied;
import org.roundtable.conference.application.access.NotSignedIn;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.StaffRole;
import org.roundtable.shared.plan.PlanChange;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.PlanRejection;
import org.roundtable.shared.plan.TextOperation;
import org.roundtable.shared.protocol.ProtocolViolation;

/** What one node tells another about a plan arrives as it was sent, refusals included. */
class PlanMessagesTest {

    private static final UUID FAMILY = UUID.randomUUID();
    private static final Caller CHAIR = Caller.staff(UUID.randomUUID(), "Priya Shah", UUID.randomUUID(),
            Set.of(StaffRole.CHAIR, StaffRole.ADMINISTRATOR));
    /** Half of an emoji, as a code-unit diff of 😀 to 😁 inserts it. */
    private static final PlanChange HALF_AN_EMOJI = new PlanChange("c-1", "conn-7", 41, List.of(
            new PlanOperation.EditText(UUID.randomUUID().toString(), PlanField.TITLE, TextOperation.insertAt(3, 2, "\ude01")),
            new PlanOperation.SetField(UUID.randomUUID().toString(), PlanField.STATUS, null)));

    @Test
    void a_change_sent_to_the_owner_arrives_with_its_author_and_every_code_unit() {
        var sent = new PlanMessages.Submit("r-1", "node-a", "node-b", true, FAMILY, UUID.randomUUID(), CHAIR, HALF_AN_EMOJI);
        String text = PlanMessages.text(sent);
        assertTrue(text.chars().noneMatch(ch -> Character.isSurrogate((char) ch)), "no lone surrogate travels raw: " + text);
        assertEquals(sent, PlanMessages.submit(text));
    }

    @Test
    void a_family_members_change_keeps_its_family_and_no_roles() {
        var member = Caller.familyMember(UUID.randomUUID(), "Sam Taylor", FAMILY);
        var sent = new PlanMessages.Submit("r-2", "node-b", "node-a", false, FAMILY, null, member, HALF_AN_EMOJI);
        assertEquals(sent, PlanMessages.submit(PlanMessages.text(sent)));
    }

    @Test
    void a_live_change_from_a_node_of_the_version_before_arrives_without_its_room() {
        // During a rolling upgrade: that node's text has no conferenceId.
        var sent = new PlanMessages.Submit("r-4", "node-b", "node-a", true, FAMILY, UUID.randomUUID(), CHAIR, HALF_AN_EMOJI);
        String older = PlanMessages.text(sent).replaceFirst(",\\s*\"conferenceId\":\"[^\"]+\"", "");
        assertTrue(!older.contains("conferenceId"), older);

        var arrived = PlanMessages.submit(older);

        assertEquals(null, arrived.conferenceId());
        assertEquals(sent.change(), arrived.change());
    }

    @Test
    void a_sign_off_sent_to_the_owner_arrives_with_its_signer_and_the_words_they_read() {
        var sent = new PlanMessages.Sign("r-5", "node-a", "node-b", FAMILY, UUID.randomUUID(), CHAIR, UUID.randomUUID(), "a1b2c3");
        assertEquals(sent, PlanMessages.sign(PlanMessages.text(sent)));
    }

    @Test
    void a_reconnecting_clients_changes_in_flight_reach_the_owner_with_who_reconnected_and_their_new_connection() {
        var sent = new PlanMessages.Settle("r-6", "node-a", "node-b", FAMILY, CHAIR, List.of("c-1", "c-\ud83d"), "conn-2");
        assertEquals(sent, PlanMessages.settle(PlanMessages.text(sent)));
    }

    @Test
    void every_kind_of_answer_arrives_as_sent() {
        for (PlanMessages.Answer answer : List.of(new PlanMessages.Applied(HALF_AN_EMOJI), new PlanMessages.Duplicate(17),
                new PlanMessages.Refused("plan", "STALE_BASE", "Too old"), new PlanMessages.Refused("forbidden", null, "No"),
                new PlanMessages.NotStored("Try again"), new PlanMessages.Signature(), new PlanMessages.Settled())) {
            var reply = new PlanMessages.Reply("r-3", "node-a", answer);
            assertEquals(reply, PlanMessages.reply(PlanMessages.text(reply)));
        }
    }

    @Test
    void a_stored_change_arrives_with_its_link_in_the_chain_and_the_signatures_it_voided() {
        String operations = PlanJson.operationsText(HALF_AN_EMOJI.operations());
        // The author's name written by hand too: quotes, a newline and half an emoji in it.
        var stored = new PlanMessages.Stored(FAMILY, HALF_AN_EMOJI, "Priya \"Shah\"\n\ud83d", operations, "abc123",
                Set.of("action-1", "action-2"));
        String text = PlanMessages.text(stored);

        assertEquals(stored, PlanMessages.stored(text));
        assertTrue(text.chars().noneMatch(ch -> Character.isSurrogate((char) ch)), "no lone surrogate travels raw: " + text);
        var nameless = new PlanMessages.Stored(FAMILY, HALF_AN_EMOJI, null, operations, "abc123", Set.of());
        assertEquals(nameless, PlanMessages.stored(PlanMessages.text(nameless)));
        assertEquals(text.indexOf(operations), text.lastIndexOf(operations), "the operations travel once: " + text);
        var signed = new PlanMessages.Signed(FAMILY, "action-1");
        assertEquals(signed, PlanMessages.signed(PlanMessages.text(signed)));
    }

    @Test
    void a_stored_change_from_a_node_of_an_earlier_version_is_read_with_or_without_the_operations_text() {
        String change = "{\"changeId\":\"c-1\",\"clientId\":\"conn-7\",\"revision\":41,\"ops\":"
                + PlanJson.operationsText(HALF_AN_EMOJI.operations()) + "}";
        String withoutText = "{\"familyId\":\"" + FAMILY + "\",\"change\":" + change
                + ",\"authorName\":\"Priya Shah\",\"hash\":\"abc123\",\"voided\":[\"action-1\"]}";
        String withText = withoutText.substring(0, withoutText.length() - 1) + ",\"operations\":\"[as sent]\"}";

        assertEquals(new PlanMessages.Stored(FAMILY, HALF_AN_EMOJI, "Priya Shah", PlanJson.operationsText(HALF_AN_EMOJI.operations()),
                "abc123", Set.of("action-1")), PlanMessages.stored(withoutText));
        assertEquals("[as sent]", PlanMessages.stored(withText).operations());
    }

    @Test
    void a_refusal_on_the_owner_is_made_again_on_the_sending_node_with_the_same_kind_and_words() {
        List<RuntimeException> refusals = List.of(new PlanRejection(PlanRejection.Reason.TEXT_MISMATCH, "The text moved"),
                new InvalidInput("ownerId", "Choose an owner who works with the family"), new DomainRuleViolation("Closed"),
                new ProtocolViolation("invalid", "Bad op"), new AccessDenied("Only the chair may"), new ResourceNotFound("goal or action"),
                new NotSignedIn());
        for (RuntimeException refusal : refusals) {
            var answer = PlansAcrossNodes.refusal(new CompletionException(refusal));
            var travelled = (PlanMessages.Refused) PlanMessages.reply(PlanMessages.text(new PlanMessages.Reply("r", "n", answer))).answer();
            RuntimeException again = PlansAcrossNodes.again(travelled);
            assertEquals(refusal.getClass(), again.getClass());
            assertEquals(refusal.getMessage(), again.getMessage());
        }
        var rejection = (PlanRejection) PlansAcrossNodes.again((PlanMessages.Refused) PlansAcrossNodes.refusal(
                new PlanRejection(PlanRejection.Reason.STALE_BASE, "old")));
        assertEquals(PlanRejection.Reason.STALE_BASE, rejection.reason());
        var invalid = (InvalidInput) PlansAcrossNodes.again((PlanMessages.Refused) PlansAcrossNodes.refusal(new InvalidInput("ownerId", "x")));
        assertEquals("ownerId", invalid.field());
    }

    @Test
    void a_failure_to_store_on_the_owner_is_not_a_refusal_and_tells_the_sender_to_send_again() {
        var answer = PlansAcrossNodes.refusal(new IllegalStateException("connection reset"));
        var notStored = assertInstanceOf(PlanMessages.NotStored.class, answer);
        assertFalse(notStored.message().contains("connection reset"), "the database's words stay on the owner: " + notStored);
    }
}
