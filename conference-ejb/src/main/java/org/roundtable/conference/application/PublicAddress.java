package org.roundtable.conference.application;

/** Where people reach the server (roundtable.public-url), for links in emails and the allowed origin of live connections. */
public final class PublicAddress {

    private PublicAddress() {
    }

    /** The public address without a trailing slash, e.g. https://roundtable.example.gov.uk. */
    public static String base() {
        return System.getProperty("roundtable.public-url", "http://localhost:8080").replaceAll("/+$", "");
    }
}
