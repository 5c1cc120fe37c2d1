package org.roundtable.conference.domain.model.room;

/**
 * One open connection to a room: whose it is (invitee id, name, role as InviteeRole's name) and
 * where they are typing now (both editing fields null when nowhere).
 */
public record Presence(String inviteeId, String name, String role, String editingNodeId, String editingField) {
}
