package org.roundtable.conference.application;

import java.util.UUID;

/**
 * A one-time code is on its way. The id is what the browser sends back with the code; the
 * masked address tells the person where to look without revealing it in full.
 */
public record CodeChallenge(UUID challengeId, String sentTo) {

    static String mask(String email) {
        int at = email.indexOf('@');
        if (at <= 1) {
            return "***" + email.substring(Math.max(at, 0));
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
