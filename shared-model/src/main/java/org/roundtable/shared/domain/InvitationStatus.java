package org.roundtable.shared.domain;

/**
 * Where one invitee's invitation stands, as the chair sees it on a status tag. The later stages
 * win: someone who joined is "joined" whatever they answered before.
 */
public enum InvitationStatus {
    NOT_SENT,
    INVITED,
    OPENED,
    SIGNED_IN,
    COMING,
    CANT_COME,
    JOINED
}
