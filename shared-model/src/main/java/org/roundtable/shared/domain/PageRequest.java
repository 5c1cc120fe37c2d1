package org.roundtable.shared.domain;

/**
 * A page of a list. Pages are counted from zero; the size is bounded so that no single request
 * can ask the database for everything at once.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Far beyond any real list, and small enough that page * size never overflows. */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
