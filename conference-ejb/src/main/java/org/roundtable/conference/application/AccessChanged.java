package org.roundtable.conference.application;

/**
 * Something that decides who may see what has just changed (a sign-out, an involvement, an
 * invitee removed, a conference closed). Observers re-check open live connections at once.
 */
public record AccessChanged(String what) {
}
