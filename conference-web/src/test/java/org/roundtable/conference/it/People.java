package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.roundtable.conference.it.ApiClient.Reply;

/** Signs people in, the way they sign in for real: staff with a password, families with an emailed code. */
public final class People {

    public static final String DEMO_PASSWORD = "roundtable-demo";

    private People() {
    }

    public static ApiClient signedIn(Role role) {
        if (role == Role.ANONYMOUS) {
            return new ApiClient();
        }
        return role.signsInWithCode() ? withCode(role.login) : staff(role.login);
    }

    public static ApiClient staff(String username) {
        return staff(username, DEMO_PASSWORD);
    }

    public static ApiClient staff(String username, String password) {
        return staff(new ApiClient(), username, password);
    }

    public static ApiClient staff(ApiClient client, String username, String password) {
        Reply reply = client.post("/auth/sign-in", JsonBodies.json("username", username, "password", password));
        assertEquals(200, reply.status(), () -> "sign-in of " + username + ": " + reply);
        return client;
    }

    /** Asks for a code by email, reads it from GreenMail and uses it. */
    public static ApiClient withCode(String email) {
        return withCode(ApiClient.BASE, email);
    }

    /** As {@link #withCode(String)}, through a server at another address (a node of a cluster). */
    public static ApiClient withCode(java.net.URI base, String email) {
        return withCode(new ApiClient(base), email);
    }

    /** As {@link #withCode(String)}, through this client (one from another source address, say). */
    public static ApiClient withCode(ApiClient client, String email) {
        Reply challenge = client.post("/auth/codes", JsonBodies.json("email", email));
        assertEquals(200, challenge.status(), challenge::toString);
        Reply verified = client.post("/auth/codes/verify", JsonBodies.json(
                "challengeId", challenge.json().getString("challengeId"), "code", Mailbox.latestCode(email)));
        assertEquals(200, verified.status(), verified::toString);
        return client;
    }

    /** Follows the link in the latest "Confirm" email to this address, as its owner would. */
    static void confirmAddress(String email) {
        confirmAddress(ApiClient.BASE, email);
    }

    /** As {@link #confirmAddress(String)}, through a server at another address (a node of a cluster). */
    static void confirmAddress(java.net.URI base, String email) {
        Mailbox.awaitCount(email, "Confirm", 1);
        var link = java.util.regex.Pattern.compile("/confirm-email\\?token=([A-Za-z0-9_%-]+)")
                .matcher(Mailbox.body(Mailbox.latest(email, "Confirm")));
        org.junit.jupiter.api.Assertions.assertTrue(link.find(), "the confirmation email has a link");
        String token = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
        Reply confirmed = new ApiClient(base).post("/auth/addresses/confirm", JsonBodies.json("token", token));
        assertEquals(200, confirmed.status(), confirmed::toString);
    }
}
