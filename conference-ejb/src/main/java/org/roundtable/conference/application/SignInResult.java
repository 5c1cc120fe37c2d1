package org.roundtable.conference.application;

import org.roundtable.conference.application.view.CallerView;

/**
 * What a successful sign-in hands to the web layer: the session token (for an HttpOnly cookie),
 * the CSRF token the browser must echo on every change, and who signed in.
 */
public record SignInResult(String sessionToken, String csrfToken, CallerView caller) {
}
