package org.bianmin.backend.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.TechnicianCodes;
import org.bianmin.backend.store.TechnicianCodes.TechnicianCode;

/**
 * Issues the codes that let a technician open maintenance mode on one kiosk, and checks them when that kiosk scans one.
 *
 * <p>A code is {@code BMTECH1:} and 26 characters of RFC 4648 base32 (16 random bytes, no padding); only its SHA-256 is
 * stored. A code opens only its kiosk, as often as needed, until it expires. Every check is audited, passed or not.
 */
public final class TechnicianCodeIssuer {
    public static final String PREFIX = "BMTECH1:";
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 480;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Z2-7]{26}");
    private static final int RANDOM_BYTES = 16;

    /** A code as issued: the code itself is shown once and never stored. */
    public record Issued(String code, String kioskId, String technician, Instant expiresAt) {
    }

    /** Who the accepted code was issued to, and until when it opens the kiosk. */
    public record Accepted(String technician, Instant expiresAt) {
    }

    private final TechnicianCodes codes;
    private final SecureRandom random;
    private final Clock clock;

    public TechnicianCodeIssuer(TechnicianCodes codes, SecureRandom random, Clock clock) {
        this.codes = codes;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Issues a code for {@code technician} at {@code kioskId}, valid {@code validMinutes}, on behalf of {@code admin}.
     *
     * @throws InvalidInputException if the minutes are out of range or the technician's name is blank or too long
     */
    public Issued issue(String kioskId, String technician, int validMinutes, String admin) {
        if (validMinutes < MIN_MINUTES || validMinutes > MAX_MINUTES) {
            throw new InvalidInputException("validMinutes", "must be " + MIN_MINUTES + " to " + MAX_MINUTES
                    + " (8 hours); was " + validMinutes);
        }
        String name = technician == null ? null : technician.strip();
        if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("technician", "must not contain control characters");
        }
        String code = PREFIX + base32(randomBytes());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(Duration.ofMinutes(validMinutes));
        codes.issue(new TechnicianCode(TokenHash.of(code), kioskId, name, admin, now, expiresAt, 0));
        return new Issued(code, kioskId, name, expiresAt);
    }

    /**
     * Checks a code scanned at {@code kioskId} and records its use.
     *
     * @throws InvalidInputException if the text is not a technician code at all
     * @throws TechnicianCodeRefusedException if it is unknown, expired or another kiosk's
     */
    public Accepted verify(String kioskId, String code) {
        if (code == null || !FORMAT.matcher(code.strip()).matches()) {
            throw new InvalidInputException("code", "a technician code is " + PREFIX
                    + " followed by 26 characters A-Z and 2-7; scan the code again");
        }
        String text = code.strip();
        Instant now = clock.instant();
        TechnicianCode issued = codes.find(TokenHash.of(text)).filter(c -> TokenHash.matches(text, c.codeHash())).orElse(null);
        if (issued == null) {
            throw refused(kioskId, now, "unknown code", "this technician code is unknown to the backend; ask the office for a new one");
        }
        if (!issued.kioskId().equals(kioskId)) {
            throw refused(kioskId, now, "code of kiosk " + issued.kioskId() + " for " + issued.technician(),
                    "this technician code was issued for kiosk " + issued.kioskId() + ", not for kiosk " + kioskId
                            + "; ask the office for a code for this kiosk");
        }
        if (!now.isBefore(issued.expiresAt())) {
            throw refused(kioskId, now, "code for " + issued.technician() + " expired at " + issued.expiresAt(),
                    "this technician code expired at " + issued.expiresAt() + "; ask the office for a new one");
        }
        codes.recordUse(issued, now);
        return new Accepted(issued.technician(), issued.expiresAt());
    }

    private TechnicianCodeRefusedException refused(String kioskId, Instant now, String audited, String message) {
        codes.recordRefusal(kioskId, audited, now);
        return new TechnicianCodeRefusedException(message);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** RFC 4648 base32 without padding: 16 bytes give 26 characters (the last holds 3 bits and two zero bits). */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }
}
