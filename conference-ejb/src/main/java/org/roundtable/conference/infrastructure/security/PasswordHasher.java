package org.roundtable.conference.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Salted, deliberately slow password hashes (bcrypt, from Bouncy Castle). The cost can be
 * lowered for tests with the roundtable.bcrypt.cost system property, never below 10.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int MIN_COST = 10;
    private final SecureRandom random = new SecureRandom();
    private final int cost = Math.max(MIN_COST, Integer.getInteger("roundtable.bcrypt.cost", 12));
    /** Checked against when the username is unknown, so that timing does not tell which names exist. */
    private final String decoy = hash("not-a-real-password");

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password.toCharArray(), salt, cost);
    }

    public boolean matches(String password, String hash) {
        return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    public void spendTimeAsIfChecking(String password) {
        matches(password, decoy);
    }
}
