package org.roundtable.shared.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The TURN REST API's shared-secret scheme, exactly as coturn checks it. */
class TurnCredentialTest {

    private static final Instant NOW = Instant.parse("2026-12-01T14:00:00.400Z");

    @Test
    void the_username_is_the_expiry_in_unix_seconds_then_the_person() {
        var c = TurnCredential.issue("s3cret", "7f1c", NOW, Duration.ofHours(1));
        assertEquals((NOW.getEpochSecond() + 3600) + ":7f1c", c.username());
        assertEquals(Instant.ofEpochSecond(NOW.getEpochSecond() + 3600), c.expiresAt());
    }

    @Test
    void the_password_is_base64_of_hmac_sha1_of_the_username_under_the_shared_secret() {
        // Computed independently: printf '1764601200:7f1c' | openssl dgst -sha1 -hmac s3cret -binary | base64
        assertEquals("Rsj1n2+g8ilbwHEPv65CR3h/3UA=", TurnCredential.password("s3cret", "1764601200:7f1c"));
    }

    @Test
    void another_secret_or_another_person_gives_another_password() {
        var mine = TurnCredential.issue("s3cret", "person-a", NOW, Duration.ofHours(1));
        assertNotEquals(mine.credential(), TurnCredential.issue("other", "person-a", NOW, Duration.ofHours(1)).credential());
        assertNotEquals(mine.credential(), TurnCredential.issue("s3cret", "person-b", NOW, Duration.ofHours(1)).credential());
    }

    @Test
    void no_credential_is_issued_without_a_secret_or_for_an_id_that_would_forge_the_expiry() {
        assertThrows(IllegalArgumentException.class, () -> TurnCredential.issue("", "p", NOW, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> TurnCredential.issue("s", "9999999999:p", NOW, Duration.ofHours(1)));
    }
}
