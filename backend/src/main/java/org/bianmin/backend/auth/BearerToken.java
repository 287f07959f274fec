package org.bianmin.backend.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code Authorization: Bearer …} header both kinds of token travel in, and fresh random tokens. */
final class BearerToken {
    private static final Pattern BEARER = Pattern.compile("Bearer +([A-Za-z0-9._~+/=-]{8,200})");
    private static final int TOKEN_BYTES = 32;

    private BearerToken() {
    }

    /** The token in the header; empty when the header has another form. */
    static Optional<String> of(String authorizationHeader) {
        var m = BEARER.matcher(authorizationHeader.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    static String random(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
