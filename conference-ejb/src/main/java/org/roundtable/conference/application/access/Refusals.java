package org.roundtable.conference.application.access;

/**
 * A refusal decided on another node (the owner of a plan, PlansAcrossNodes), made again here
 * with the same words, so the person is answered exactly as if it had been decided here.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal of this kind ("forbidden", "not-found", "signed-out"), or null for another kind. */
    public static RuntimeException again(String kind, String message) {
        return switch (kind) {
            case "forbidden" -> new AccessDenied(message);
            case "not-found" -> ResourceNotFound.saying(message);
            case "signed-out" -> new NotSignedIn();
            default -> null;
        };
    }

    /** The kind of an access refusal, or null when it is not one. */
    public static String kindOf(Throwable e) {
        return e instanceof AccessDenied ? "forbidden" : e instanceof ResourceNotFound ? "not-found" : e instanceof NotSignedIn ? "signed-out" : null;
    }
}
