package org.roundtable.shared.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The links of a hash chain: each entry's hash covers the previous entry's hash and the entry's
 * own fields, so changing, removing or reordering any entry breaks every link after it. Fields
 * are length-prefixed, so that ("ab", "c") and ("a", "bc") never hash alike.
 */
public final class ChainHash {

    /** The "previous hash" of the first entry of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String link(String previousHash, String... fields) {
        MessageDigest sha = sha256();
        update(sha, previousHash == null ? GENESIS : previousHash);
        for (String field : fields) {
            update(sha, field == null ? "\u0000null" : field);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of a text, in hex. */
    public static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void update(MessageDigest sha, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
