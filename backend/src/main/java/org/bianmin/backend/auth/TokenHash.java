package org.bianmin.backend.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a bearer token, the only form in which the backend stores a token. */
public final class TokenHash {
    private TokenHash() {
    }

    /** The lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String of(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    /** Whether {@code token} hashes to {@code storedHex}, compared in constant time. */
    public static boolean matches(String token, String storedHex) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(token), stored);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
