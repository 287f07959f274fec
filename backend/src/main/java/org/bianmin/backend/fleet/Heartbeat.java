package org.bianmin.backend.fleet;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bianmin.backend.store.InvalidInputException;

/**
 * What a kiosk reports every {@code intervalSeconds}: versions, mode, each device's health and counters, and the
 * services it has taken out. It carries no personal data; {@link #validate} holds it to the contract, field by field.
 */
public record Heartbeat(Instant sentAt, Integer intervalSeconds, String appVersion, Long configVersion, Long uptimeSeconds,
                        String mode, List<DeviceHealth> devices, List<String> servicesOut) {
    public static final int MIN_INTERVAL = 5;
    public static final int MAX_INTERVAL = 3600;
    static final int MAX_DEVICES = 16;
    static final int MAX_COUNTERS = 32;
    static final int MAX_SERVICES_OUT = 32;
    static final int MAX_ERROR_DETAIL = 300;
    static final List<String> MODES = List.of("service", "maintenance");
    static final List<String> HEALTHS = List.of("ok", "warning", "failing", "down");
    static final List<String> STATES = List.of("ENABLED", "OPEN", "CLOSED", "DISCONNECTED");
    static final List<String> PAPER = List.of("ok", "low", "out");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");
    private static final Pattern DEVICE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern COUNTER = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,15}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /**
     * One device as the kiosk sees it.
     *
     * @param health  ok = the last checks passed; warning = works but needs attention; failing = checks fail now;
     *                down = not open, or recovery has given up
     * @param paper   printers only: ok, low or out; null for other devices
     */
    public record DeviceHealth(String name, Boolean required, String health, String state, LastError lastError, String paper,
                               Map<String, Long> counters) {
        public boolean failing() {
            return "failing".equals(health) || "down".equals(health);
        }

        public boolean paperLow() {
            return "low".equals(paper) || "out".equals(paper);
        }
    }

    /** The device's last error: a technician code (LNK-06), plain technician words without personal data, and when. */
    public record LastError(String code, String detail, Instant at) {
    }

    /**
     * Checks every field against the contract.
     *
     * @throws InvalidInputException naming the first field at fault (e.g. {@code devices[1].health}) and the rule
     */
    public Heartbeat validate() {
        present("sentAt", sentAt);
        present("intervalSeconds", intervalSeconds);
        if (intervalSeconds < MIN_INTERVAL || intervalSeconds > MAX_INTERVAL) {
            throw new InvalidInputException("intervalSeconds", "must be " + MIN_INTERVAL + " to " + MAX_INTERVAL
                    + " seconds; was " + intervalSeconds);
        }
        matches("appVersion", appVersion, VERSION, "must be 1 to 64 letters, digits, dots, plus, underscores or hyphens, e.g. 0.1.0-SNAPSHOT");
        atLeastZero("configVersion", configVersion);
        atLeastZero("uptimeSeconds", uptimeSeconds);
        oneOf("mode", mode, MODES);
        present("devices", devices);
        if (devices.size() > MAX_DEVICES) {
            throw new InvalidInputException("devices", "must list at most " + MAX_DEVICES + " devices; " + devices.size() + " were sent");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            validate("devices[" + i + "]", devices.get(i));
            if (!names.add(devices.get(i).name())) {
                throw new InvalidInputException("devices[" + i + "].name", "device " + devices.get(i).name() + " is listed twice");
            }
        }
        present("servicesOut", servicesOut);
        if (servicesOut.size() > MAX_SERVICES_OUT) {
            throw new InvalidInputException("servicesOut", "must list at most " + MAX_SERVICES_OUT + " services");
        }
        for (int i = 0; i < servicesOut.size(); i++) {
            matches("servicesOut[" + i + "]", servicesOut.get(i), SERVICE, "must be a service code such as si-participation-certificate");
        }
        if (new HashSet<>(servicesOut).size() != servicesOut.size()) {
            throw new InvalidInputException("servicesOut", "must not name a service twice");
        }
        return this;
    }

    private static void validate(String at, DeviceHealth d) {
        present(at, d);
        matches(at + ".name", d.name(), DEVICE, "must be a device name such as receipt-printer (lower-case letters, digits, hyphens)");
        present(at + ".required", d.required());
        oneOf(at + ".health", d.health(), HEALTHS);
        oneOf(at + ".state", d.state(), STATES);
        if (d.paper() != null) {
            oneOf(at + ".paper", d.paper(), PAPER);
        }
        LastError e = d.lastError();
        if (e != null) {
            matches(at + ".lastError.code", e.code(), ERROR_CODE, "must be a technician code such as LNK-06 (A-Z, 0-9, hyphens; at most 16)");
            present(at + ".lastError.detail", e.detail());
            if (e.detail().isBlank() || e.detail().codePointCount(0, e.detail().length()) > MAX_ERROR_DETAIL) {
                throw new InvalidInputException(at + ".lastError.detail", "must be 1 to " + MAX_ERROR_DETAIL + " characters");
            }
            present(at + ".lastError.at", e.at());
        }
        present(at + ".counters", d.counters());
        if (d.counters().size() > MAX_COUNTERS) {
            throw new InvalidInputException(at + ".counters", "must hold at most " + MAX_COUNTERS + " counters");
        }
        d.counters().forEach((name, value) -> {
            matches(at + ".counters", name, COUNTER, "counter names are lower-case letters, digits and hyphens, e.g. power-cycles; '"
                    + name.substring(0, Math.min(name.length(), 40)) + "' is not one");
            atLeastZero(at + ".counters." + name, value);
        });
    }

    private static void present(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
    }

    private static void atLeastZero(String field, Long value) {
        present(field, value);
        if (value < 0) {
            throw new InvalidInputException(field, "must be 0 or more; was " + value);
        }
    }

    private static void matches(String field, String value, Pattern pattern, String rule) {
        present(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, rule);
        }
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        present(field, value);
        if (!allowed.contains(value)) {
            throw new InvalidInputException(field, "must be one of " + String.join(", ", allowed) + "; was '"
                    + value.substring(0, Math.min(value.length(), 40)) + "'");
        }
    }
}
