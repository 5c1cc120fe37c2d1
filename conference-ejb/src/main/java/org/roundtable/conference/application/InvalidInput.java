package org.roundtable.conference.application;

import java.util.List;

/**
 * Input that passed its own format checks but refers to something that does not fit. It can
 * name several fields at once, so a form shows every problem together and nothing is saved.
 */
public class InvalidInput extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : "Some of what was sent needs correcting.");
        this.errors = List.copyOf(errors);
    }

    public String field() {
        return errors.get(0).field();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
