package org.bianmin.backend.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.backend.store.SubjectKind;

/**
 * The identification QR codes a kiosk can scan: an e-social-security-card style code {@code ESSC1:} and an
 * e-business-licence code {@code EBL1:}, each followed by 24 characters from {@code 23456789ABCDEFGHJKLMNPQRSTUVWXYZ}.
 *
 * <p>The codes carry no personal data; the backend keeps only their hash and the subject each stands for. A province
 * issues random codes; the demo derives them from the ID or licence number so they are the same on every start.
 */
public record QrCode(SubjectKind kind, String text) {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final String SOCIAL_SECURITY_PREFIX = "ESSC1:";
    public static final String BUSINESS_LICENCE_PREFIX = "EBL1:";
    static final int BODY_LENGTH = 24;
    private static final Pattern FORMAT = Pattern.compile("(ESSC1|EBL1):[" + ALPHABET + "]{" + BODY_LENGTH + "}");

    /** The code if {@code text} is one; empty if it has neither form. */
    public static Optional<QrCode> parse(String text) {
        if (text == null || !FORMAT.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        String s = text.strip();
        return Optional.of(new QrCode(s.startsWith(SOCIAL_SECURITY_PREFIX) ? SubjectKind.CITIZEN : SubjectKind.LICENCE, s));
    }

    /** The demo code for a citizen's ID number or a licence number: the first 120 bits of SHA-256 over kind and number. */
    public static QrCode demo(SubjectKind kind, String ref) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(("bianmin-demo-qr|" + kind.wireName() + "|" + ref).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder s = new StringBuilder(kind == SubjectKind.CITIZEN ? SOCIAL_SECURITY_PREFIX : BUSINESS_LICENCE_PREFIX);
        for (int i = 0; i < BODY_LENGTH; i++) {
            s.append(ALPHABET.charAt(digest[i] & 0x1f));
        }
        return new QrCode(kind, s.toString());
    }

    /** What the store keeps: the hex SHA-256 of the code. */
    public String hash() {
        return TokenHash.of(text);
    }
}
