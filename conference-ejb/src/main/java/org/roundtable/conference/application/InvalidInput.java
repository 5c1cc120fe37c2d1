package org.roundtable.conference.application;

/** Input that passed its own format checks but refers to something that does not fit. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
