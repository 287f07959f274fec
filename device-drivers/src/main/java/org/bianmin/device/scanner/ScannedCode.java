package org.bianmin.device.scanner;

import java.util.Arrays;
import java.util.Objects;

/**
 * One code as the scanner delivered it: the text after prefix, AIM identifier and suffix were stripped,
 * its symbology, and the raw bytes of the frame (without the terminator).
 *
 * <p>A QR token may identify a person, so {@link #toString()} shows only a masked prefix and the length.
 *
 * @param text the decoded code, control characters handled as configured
 * @param symbology from the AIM identifier, or {@link Symbology#UNKNOWN} when there was none
 * @param aimId the AIM identifier as sent, e.g. "]Q1", or "" when there was none
 * @param rawBytes the frame as received: prefix, AIM identifier, data and suffix
 */
public record ScannedCode(String text, Symbology symbology, String aimId, byte[] rawBytes) {

    public ScannedCode {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(aimId, "aimId");
        rawBytes = rawBytes.clone();
    }

    @Override
    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    /** "http****** (42 chars)": the first four characters of a long code, never the whole of it. */
    public static String mask(String text) {
        if (text == null) {
            return "null";
        }
        int n = text.codePointCount(0, text.length());
        int keep = n > 12 ? 4 : 0;
        int keepEnd = text.offsetByCodePoints(0, keep);
        return text.substring(0, keepEnd) + "*".repeat(Math.min(n - keep, 16)) + " (" + n + " chars)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScannedCode c && text.equals(c.text) && symbology == c.symbology
                && aimId.equals(c.aimId) && Arrays.equals(rawBytes, c.rawBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, symbology, aimId, Arrays.hashCode(rawBytes));
    }

    @Override
    public String toString() {
        return "ScannedCode[" + symbology + (aimId.isEmpty() ? "" : " " + aimId) + " " + mask(text)
                + ", " + rawBytes.length + " bytes]";
    }
}
