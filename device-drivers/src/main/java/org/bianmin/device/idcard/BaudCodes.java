package org.bianmin.device.idcard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The rate codes of the set-baud command (60 xx). The mapping is unconfirmed [U] — commonly
 * documented as 00 = 115200 … 04 = 9600 but found in no source — so it is configuration, not code.
 */
public record BaudCodes(Map<Integer, Integer> codeByBaud) {

    /** 00 = 115200, 01 = 57600, 02 = 38400, 03 = 19200, 04 = 9600 [U]. */
    public static final BaudCodes COMMON = new BaudCodes(Map.of(115200, 0x00, 57600, 0x01, 38400, 0x02, 19200, 0x03, 9600, 0x04));

    public BaudCodes {
        if (codeByBaud == null || codeByBaud.isEmpty()) {
            throw new IllegalArgumentException("baud codes must map at least one baud rate to its 60 xx rate code");
        }
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        for (var e : codeByBaud.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 0xFF) {
                throw new IllegalArgumentException("rate code " + e.getValue() + " for " + e.getKey() + " baud must be one byte (0..255)");
            }
            Integer other = seen.put(e.getValue(), e.getKey());
            if (other != null) {
                throw new IllegalArgumentException(String.format("rate code %02X is given to both %d and %d baud; give each rate its own code",
                        e.getValue(), other, e.getKey()));
            }
        }
        codeByBaud = Map.copyOf(codeByBaud);
    }

    public int codeFor(int baud) {
        Integer code = codeByBaud.get(baud);
        if (code == null) {
            throw new IllegalArgumentException("the reader has no rate code for " + baud + " baud; configured rates: "
                    + new TreeSet<>(codeByBaud.keySet()));
        }
        return code;
    }

    public OptionalInt baudFor(int code) {
        for (var e : codeByBaud.entrySet()) {
            if (e.getValue() == code) {
                return OptionalInt.of(e.getKey());
            }
        }
        return OptionalInt.empty();
    }
}
