package org.bianmin.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stored form of the technicians' maintenance PIN: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, with
 * PBKDF2WithHmacSHA256, a 16-byte random salt and a 32-byte hash, both in standard base64. Only this form is ever
 * written to a configuration; the PIN itself is held in a {@code char[]} the caller wipes.
 */
public final class PinHash {
    public static final String ALGORITHM = "pbkdf2-sha256";
    public static final int MIN_ITERATIONS = 100_000;
    /** What {@code ./kiosk pin-hash} uses: about a tenth of a second on a kiosk's CPU. */
    public static final int DEFAULT_ITERATIONS = 310_000;
    /** Past this a hash is a denial of service on the keypad, not extra safety. */
    public static final int MAX_ITERATIONS = 10_000_000;
    public static final int MIN_PIN_DIGITS = 4;
    public static final int MAX_PIN_DIGITS = 8;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("pbkdf2-sha256\\$([0-9]{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a new PIN with a fresh salt and {@link #DEFAULT_ITERATIONS}.
     *
     * @throws IllegalArgumentException when the PIN is not 4 to 8 digits
     */
    public static PinHash of(char[] pin) {
        return of(pin, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes a new PIN with a fresh salt and the given work factor.
     *
     * @throws IllegalArgumentException when the PIN is not 4 to 8 digits or the iterations are out of range
     */
    public static PinHash of(char[] pin, int iterations) {
        String problem = pinProblem(pin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from " + MIN_ITERATIONS + " to " + MAX_ITERATIONS + ", not " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /** Null when {@code pin} is 4 to 8 digits; otherwise what is wrong with it, in words for the technician. */
    public static String pinProblem(char[] pin) {
        if (pin == null || pin.length < MIN_PIN_DIGITS || pin.length > MAX_PIN_DIGITS) {
            return "a maintenance PIN is " + MIN_PIN_DIGITS + " to " + MAX_PIN_DIGITS + " digits";
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return "a maintenance PIN has digits only (0-9), as the on-screen keypad has";
            }
        }
        return null;
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException saying what is wrong with it (never echoing it)
     */
    public static PinHash parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a PIN hash of the form " + ALGORITHM + "$ITERATIONS$SALT$HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has an iteration count that is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("has " + iterations + " iterations; a PIN hash needs " + MIN_ITERATIONS + " to "
                    + MAX_ITERATIONS);
        }
        byte[] salt = decode(m.group(2), "salt");
        byte[] hash = decode(m.group(3), "hash");
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("has a " + salt.length + "-byte salt; a PIN hash has a " + SALT_BYTES + "-byte salt");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("has a " + hash.length + "-byte hash; a PIN hash has a " + HASH_BYTES + "-byte hash");
        }
        return new PinHash(iterations, salt, hash);
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a " + what + " that is not base64");
        }
    }

    /** Whether {@code pin} is the PIN this hash was made from; takes the same time whatever bytes differ. */
    public boolean matches(char[] pin) {
        if (pin == null || pin.length == 0) {
            return false;
        }
        byte[] candidate = derive(pin, salt, iterations);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    public int iterations() {
        return iterations;
    }

    /** The stored form, to write into {@code maintenance.pinHash}. */
    public String encoded() {
        Base64.Encoder b = Base64.getEncoder();
        return ALGORITHM + "$" + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(hash);
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 21 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p && p.iterations == iterations && Arrays.equals(p.salt, salt) && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iterations, Arrays.hashCode(salt), Arrays.hashCode(hash));
    }

    /** Never shows the salt or the hash. */
    @Override
    public String toString() {
        return "PinHash[" + ALGORITHM + ", " + iterations + " iterations]";
    }
}
