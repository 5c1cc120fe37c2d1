package org.roundtable.conference.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignInThrottleFilterTest {

    @Test
    void only_signing_out_itself_is_free_of_the_throttle() {
        assertFalse(SignInThrottleFilter.counts("POST", "/api/auth/sign-out"));
        assertFalse(SignInThrottleFilter.counts("POST", "/api/auth/sign-out-everywhere"));
        assertFalse(SignInThrottleFilter.counts("GET", "/api/auth/me"));
    }

    @Test
    void a_path_that_merely_begins_like_signing_out_still_counts() {
        assertTrue(SignInThrottleFilter.counts("POST", "/api/auth/sign-in"));
        assertTrue(SignInThrottleFilter.counts("POST", "/api/auth/sign-out/codes"));
        assertTrue(SignInThrottleFilter.counts("POST", "/api/auth/sign-outs"));
        assertTrue(SignInThrottleFilter.counts("POST", "/api/auth/sign-out-everywhere/x"));
    }

    @Test
    void the_invitation_links_page_and_answers_count_like_every_other_way_in() {
        assertTrue(SignInThrottleFilter.counts("POST", "/api/invitations/page"));
        assertTrue(SignInThrottleFilter.counts("POST", "/api/invitations/reply"));
    }
}
