package org.bianmin.backend.codes;

/**
 * An electronic-licence identifier per GB/T 36904:
 * {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>}, where the type code is
 * the defining authority's credit code plus a 3-digit type number, the issuer code is the issuing
 * authority's credit code, and the check character is MOD 37,36 over the four parts without dots.
 */
public record LicenceIdentifier(String typeCode, String issuerCode, String serial, String version, char check) {
    public static final String ROOT = "1.2.156.3005.2";

    public LicenceIdentifier {
        requirePart(typeCode, "[0-9A-Z]{18}[0-9]{3}", "type code", "18-character credit code + 3 digits");
        requirePart(issuerCode, "[0-9A-Z]{18}", "issuer code", "18-character credit code");
        requirePart(serial, "[0-9A-Z]{1,64}", "serial number", "1-64 digits or upper-case letters");
        requirePart(version, "[0-9]{3}", "version", "3 digits");
        char expected = Mod37_36.checkCharacter(typeCode + issuerCode + serial + version);
        if (check != expected) {
            throw new InvalidCodeException(CodeKind.LICENCE_IDENTIFIER, "check character " + check
                    + " does not match (MOD 37,36 expects " + expected + ")");
        }
    }

    /** Builds an identifier from its parts, computing the check character. */
    public static LicenceIdentifier of(String typeCode, String issuerCode, String serial, String version) {
        String body = String.valueOf(typeCode) + issuerCode + serial + version;
        return new LicenceIdentifier(typeCode, issuerCode, serial, version, Mod37_36.checkCharacter(body));
    }

    /** Parses the dotted form and checks every part and the check character. */
    public static LicenceIdentifier parse(String text) {
        if (text == null || !text.startsWith(ROOT + ".")) {
            throw new InvalidCodeException(CodeKind.LICENCE_IDENTIFIER, "must start with " + ROOT + ".: " + text);
        }
        String[] parts = text.substring(ROOT.length() + 1).split("\\.", -1);
        if (parts.length != 5 || parts[4].length() != 1) {
            throw new InvalidCodeException(CodeKind.LICENCE_IDENTIFIER,
                    "after the root it needs five dot-separated parts (type code, issuer code, serial, version, "
                            + "one check character): " + text);
        }
        return new LicenceIdentifier(parts[0], parts[1], parts[2], parts[3], parts[4].charAt(0));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return ROOT + "." + typeCode + "." + issuerCode + "." + serial + "." + version + "." + check;
    }

    private static void requirePart(String value, String regex, String name, String expected) {
        if (value == null || !value.matches(regex)) {
            throw new InvalidCodeException(CodeKind.LICENCE_IDENTIFIER, "the " + name + " must be " + expected
                    + ", got " + value);
        }
    }
}
