package org.bianmin.device.scanner;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.bianmin.device.DeviceEvent;

/**
 * A code was scanned. {@link #toString()} masks the code, which may identify a person.
 *
 * @param code the decoded text
 * @param symbology from the AIM identifier, or {@link Symbology#UNKNOWN}
 * @param rawBytes the frame as received, without the terminator
 */
public record CodeScanned(String device, Instant at, String code, Symbology symbology, byte[] rawBytes)
        implements DeviceEvent {

    public CodeScanned {
        rawBytes = rawBytes.clone();
    }

    static CodeScanned of(String device, ScannedCode c) {
        return new CodeScanned(device, Instant.now(), c.text(), c.symbology(), c.rawBytes());
    }

    @Override
    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeScanned e && device.equals(e.device) && at.equals(e.at) && code.equals(e.code)
                && symbology == e.symbology && Arrays.equals(rawBytes, e.rawBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, at, code, symbology, Arrays.hashCode(rawBytes));
    }

    @Override
    public String toString() {
        return "CodeScanned[" + device + " " + symbology + " " + ScannedCode.mask(code) + ", " + rawBytes.length + " bytes]";
    }
}
