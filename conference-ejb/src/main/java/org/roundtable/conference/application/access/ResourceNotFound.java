package org.roundtable.conference.application.access;

/**
 * The thing asked for does not exist, or the caller may not know that it does: the two are
 * answered alike, so that guessing ids reveals nothing.
 */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String what) {
        super("There is no " + what + " with that id that you can see.");
    }

    private ResourceNotFound(String message, boolean whole) {
        super(message);
    }

    /** The same refusal, in words already written (by another node: Refusals). */
    static ResourceNotFound saying(String message) {
        return new ResourceNotFound(message, true);
    }
}
