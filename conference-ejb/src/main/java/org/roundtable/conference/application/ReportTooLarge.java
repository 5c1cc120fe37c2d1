package org.roundtable.conference.application;

/** An upload over the size limit. */
public class ReportTooLarge extends RuntimeException {

    public ReportTooLarge(long limit) {
        super("The file is too large. Reports can be up to " + limit / (1024 * 1024) + " MB.");
    }
}
