package org.roundtable.shared.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived TURN credential for one person, in the "TURN REST API" shared-secret scheme that
 * coturn implements ({@code --use-auth-secret --static-auth-secret=...}): the username is
 * {@code <expiry in Unix seconds>:<person>}, the password is base64(HMAC-SHA1(secret, username)).
 * The TURN server recomputes the password from the username with the same secret and refuses
 * it after the expiry, so no lasting TURN password is ever given to a browser.
 */
public record TurnCredential(String username, String credential, Instant expiresAt) {

    /** Issues a credential for a person, valid from now for ttl. */
    public static TurnCredential issue(String secret, String personId, Instant now, Duration ttl) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a TURN shared secret is needed");
        }
        if (personId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the person's id may not hold ':'");
        }
        Instant expiresAt = now.plus(ttl);
        String username = expiresAt.getEpochSecond() + ":" + personId;
        return new TurnCredential(username, password(secret, username), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /** What the TURN server computes from a username: base64(HMAC-SHA1(secret, username)). */
    public static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java", e);
        }
    }
}
