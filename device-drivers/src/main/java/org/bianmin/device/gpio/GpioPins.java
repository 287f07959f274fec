package org.bianmin.device.gpio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The kiosk's GPIO wiring: which BCM pin drives each light and relay and which pin reads each sensor.
 *
 * <p>Pins are BCM GPIO numbers (0..27), not header pin numbers. Relays are keyed by the configured
 * device name they power ("receipt-printer" → 5). Relay modules are often active-low (a LOW input
 * energises the coil), and so are some LED drivers; both flags are wiring facts and come from config.
 *
 * @param guideLight      LED at the card-reader slot; blinks while the kiosk waits for a card
 * @param faultLight      LED that tells staff the kiosk needs attention
 * @param presenceSensor  PIR/radar output, HIGH = someone in front of the kiosk (pull-down)
 * @param doorSwitch      normally-closed cabinet door/tamper switch to GND (pull-up): HIGH = open or wire cut
 * @param relays          device name → relay pin, wired through the NC contact so a released relay powers the device
 * @param relaysActiveLow true when a LOW level energises the relay coil
 * @param lightsActiveLow true when a LOW level lights the LED
 */
public record GpioPins(int guideLight, int faultLight, int presenceSensor, int doorSwitch,
                       Map<String, Integer> relays, boolean relaysActiveLow, boolean lightsActiveLow) {

    /** Lowest and highest BCM GPIO number on the 40-pin header. */
    public static final int MIN_PIN = 0;
    public static final int MAX_PIN = 27;

    public static final String GUIDE_LIGHT = "guide-light";
    public static final String FAULT_LIGHT = "fault-light";
    public static final String PRESENCE_SENSOR = "presence-sensor";
    public static final String DOOR_SWITCH = "door-switch";
    public static final String RELAY_PREFIX = "relay.";
    public static final String RELAYS_ACTIVE_LOW = "relays-active-low";
    public static final String LIGHTS_ACTIVE_LOW = "lights-active-low";

    /**
     * The reference wiring. Relays sit on BCM 5 and 6 because GPIO 0–8 are pulled up at boot, which keeps
     * an active-low relay released (device powered) before the kiosk starts [U: check the relay module].
     */
    public static final GpioPins REFERENCE = new GpioPins(23, 24, 17, 27,
            orderedMap("receipt-printer", 5, "id-card", 6), true, false);

    public GpioPins {
        Objects.requireNonNull(relays, "relays must not be null; give an empty map when no relay is wired");
        Map<String, Integer> copy = new LinkedHashMap<>();
        relays.forEach((device, pin) -> {
            if (device == null || device.isBlank() || !device.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("relay device name '" + (device == null ? null : device.replaceAll("\\p{Cntrl}", "?"))
                        + "' is not valid; use the configured device name, e.g. receipt-printer (letters, digits, - and _)");
            }
            if (pin == null) {
                throw new IllegalArgumentException(RELAY_PREFIX + device + " has no pin; give a BCM number 0..27");
            }
            copy.put(device, pin);
        });
        relays = Collections.unmodifiableMap(copy);
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> use : uses(guideLight, faultLight, presenceSensor, doorSwitch, relays).entrySet()) {
            int pin = use.getValue();
            if (pin < MIN_PIN || pin > MAX_PIN) {
                throw new IllegalArgumentException(use.getKey() + ": BCM " + pin + " is outside " + MIN_PIN + ".." + MAX_PIN
                        + "; give the BCM GPIO number, not the header pin number");
            }
            String earlier = seen.putIfAbsent(pin, use.getKey());
            if (earlier != null) {
                throw new IllegalArgumentException("BCM " + pin + " is used twice: " + earlier + " and " + use.getKey()
                        + "; give each its own pin");
            }
        }
    }

    /** Every use of a pin, in a stable order: lights, sensors, then relays ("relay.receipt-printer"). */
    public Map<String, Integer> uses() {
        return uses(guideLight, faultLight, presenceSensor, doorSwitch, relays);
    }

    private static Map<String, Integer> uses(int guideLight, int faultLight, int presenceSensor, int doorSwitch,
                                             Map<String, Integer> relays) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(GUIDE_LIGHT, guideLight);
        m.put(FAULT_LIGHT, faultLight);
        m.put(PRESENCE_SENSOR, presenceSensor);
        m.put(DOOR_SWITCH, doorSwitch);
        relays.forEach((device, pin) -> m.put(RELAY_PREFIX + device, pin));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Reads a one-line wiring spec, the form a technician types and the config stores:
     * {@code guide-light=23,fault-light=24,presence-sensor=17,door-switch=27,relay.receipt-printer=5,relays-active-low=true}.
     * The two active-low flags default to false.
     *
     * @throws IllegalArgumentException naming the key that is wrong and what to write instead
     */
    public static GpioPins parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("GPIO pin spec is empty; write e.g. " + REFERENCE.toSpec());
        }
        for (int i = 0; i < spec.length(); i++) {
            if (Character.isISOControl(spec.charAt(i))) {
                throw new IllegalArgumentException("GPIO pin spec has a control character (U+" + String.format("%04X", (int) spec.charAt(i))
                        + ") at position " + (i + 1) + "; write key=value pairs on one line, e.g. " + REFERENCE.toSpec());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : spec.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("GPIO pin spec has an empty item (two commas in a row?); write key=value pairs separated by commas");
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("GPIO pin spec item '" + item + "' has no key=value; write e.g. door-switch=27");
            }
            String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).strip();
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException("GPIO pin spec gives " + key + " twice; keep one");
            }
        }
        Map<String, Integer> relays = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(RELAY_PREFIX)) {
                relays.put(key.substring(RELAY_PREFIX.length()), pinValue(key, e.getValue()));
            } else if (!key.equals(GUIDE_LIGHT) && !key.equals(FAULT_LIGHT) && !key.equals(PRESENCE_SENSOR)
                    && !key.equals(DOOR_SWITCH) && !key.equals(RELAYS_ACTIVE_LOW) && !key.equals(LIGHTS_ACTIVE_LOW)) {
                throw new IllegalArgumentException("GPIO pin spec key '" + key + "' is unknown; known keys: " + GUIDE_LIGHT + ", "
                        + FAULT_LIGHT + ", " + PRESENCE_SENSOR + ", " + DOOR_SWITCH + ", " + RELAY_PREFIX + "<device>, "
                        + RELAYS_ACTIVE_LOW + ", " + LIGHTS_ACTIVE_LOW);
            }
        }
        return new GpioPins(required(values, GUIDE_LIGHT), required(values, FAULT_LIGHT), required(values, PRESENCE_SENSOR),
                required(values, DOOR_SWITCH), relays, flag(values, RELAYS_ACTIVE_LOW), flag(values, LIGHTS_ACTIVE_LOW));
    }

    /** The spec {@link #parse} reads back into an equal record. */
    public String toSpec() {
        StringBuilder sb = new StringBuilder();
        uses().forEach((use, pin) -> sb.append(use).append('=').append(pin).append(','));
        return sb.append(RELAYS_ACTIVE_LOW).append('=').append(relaysActiveLow).append(',')
                .append(LIGHTS_ACTIVE_LOW).append('=').append(lightsActiveLow).toString();
    }

    private static int required(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("GPIO pin spec has no " + key + "; add " + key + "=<BCM " + MIN_PIN + ".." + MAX_PIN + ">");
        }
        return pinValue(key, v);
    }

    private static int pinValue(String key, String value) {
        if (!value.matches("\\d{1,3}")) {
            throw new IllegalArgumentException(key + "=" + value + " is not a pin number; give a BCM number " + MIN_PIN + ".." + MAX_PIN);
        }
        return Integer.parseInt(value);
    }

    private static boolean flag(Map<String, String> values, String key) {
        String v = values.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + "=" + v + " is not a flag; write true or false");
        };
    }

    private static Map<String, Integer> orderedMap(String k1, int v1, String k2, int v2) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
