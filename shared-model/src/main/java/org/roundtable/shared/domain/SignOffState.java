package org.roundtable.shared.domain;

/** Where an action stands in a conference's sign-off. */
public enum SignOffState {
    UNSIGNED,
    SIGNED,
    /** It was signed, then changed: the signature is void and the owner is asked to sign again. */
    NEEDS_NEW_SIGNATURE
}
