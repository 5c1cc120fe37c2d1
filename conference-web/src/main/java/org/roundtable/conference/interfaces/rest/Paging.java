package org.roundtable.conference.interfaces.rest;

import org.roundtable.conference.application.InvalidInput;
import org.roundtable.shared.domain.PageRequest;

/** Reads ?page=&size= strictly, so that "size=abc" is a clear error rather than a silent default. */
final class Paging {

    private Paging() {
    }

    static PageRequest of(String page, String size) {
        int p = parse("page", page, 0);
        int s = parse("size", size, PageRequest.DEFAULT_SIZE);
        if (p < 0 || p > PageRequest.MAX_PAGE) {
            throw new InvalidInput("page", "page must be between 0 and " + PageRequest.MAX_PAGE + ".");
        }
        if (s < 1 || s > PageRequest.MAX_SIZE) {
            throw new InvalidInput("size", "size must be between 1 and " + PageRequest.MAX_SIZE + ".");
        }
        return new PageRequest(p, s);
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a whole number.");
        }
    }
}
