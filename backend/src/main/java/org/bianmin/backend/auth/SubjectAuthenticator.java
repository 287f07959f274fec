package org.bianmin.backend.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.Subject;
import org.bianmin.backend.store.SubjectTokens;

/**
 * Issues short-lived subject tokens after an identification and turns them back into the subject they stand for.
 *
 * <p>A token is 32 random bytes (base64url), valid at the kiosk it was issued to for {@link #LIFETIME}; only its
 * SHA-256 is stored.
 */
public final class SubjectAuthenticator {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A new token, shown once, and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    private final SubjectTokens tokens;
    private final SecureRandom random;
    private final Clock clock;

    public SubjectAuthenticator(SubjectTokens tokens, SecureRandom random, Clock clock) {
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
    }

    public Issued issue(String kioskId, Subject subject) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        tokens.issue(TokenHash.of(token), kioskId, subject, expiresAt);
        return new Issued(token, expiresAt);
    }

    /**
     * The subject {@code token} stands for at {@code kioskId}.
     *
     * @throws InvalidInputException if the token is malformed
     * @throws SubjectTokenException if the token is unknown, expired or was issued to another kiosk
     */
    public Subject resolve(String token, String kioskId) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new InvalidInputException("subjectToken", "must be the 43-character token the identification returned");
        }
        return tokens.find(TokenHash.of(token), kioskId).orElseThrow(() -> new SubjectTokenException(
                "the subject token is unknown, expired (tokens last " + LIFETIME.toMinutes()
                        + " minutes) or belongs to another kiosk; identify the person again"));
    }
}
