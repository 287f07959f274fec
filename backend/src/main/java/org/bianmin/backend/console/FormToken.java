package org.bianmin.backend.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The console's defence against forms posted from other sites: every form carries a token that only a page of this
 * console, read with the admin's own cookie, can know.
 *
 * <p>A signed-in admin's token is derived from the session id (which lives only in an HttpOnly cookie), so it is tied to
 * the session, ends with it, and needs no storage shared between backend instances. The sign-in form, which has no
 * session yet, uses a random value that is both in a cookie of its own and in the form (a double-submitted cookie).
 */
final class FormToken {
    /** The name of the hidden field every console form carries. */
    static final String FIELD = "_csrf";
    // domain separation: the token is never equal to anything else derived from the session id (its stored hash)
    private static final String LABEL = "bianmin console form token\n";

    private FormToken() {
    }

    /** The token of the session whose id is {@code sessionId}: base64url of SHA-256 over a label and the id. */
    static String ofSession(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((LABEL + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether a form sent {@code given} where {@code expected} was handed out; compared in constant time. */
    static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The hidden input that carries {@code token} in a form. */
    static String input(String token) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.e(token) + "\">";
    }
}
