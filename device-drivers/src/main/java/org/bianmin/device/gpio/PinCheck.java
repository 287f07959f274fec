package org.bianmin.device.gpio;

/**
 * One line of a GPIO self-test: what the pin is for, what was done, what was seen.
 *
 * @param use      e.g. "guide-light", "door-switch", "relay.receipt-printer"
 * @param bcm      the BCM pin number
 * @param kind     light, input or relay
 * @param outcome  passed, failed or skipped
 * @param observed what was seen, or what is wrong and what to do
 */
public record PinCheck(String use, int bcm, Kind kind, Outcome outcome, String observed) {

    public enum Kind { LIGHT, INPUT, RELAY }

    public enum Outcome { PASSED, FAILED, SKIPPED }

    public boolean passed() {
        return outcome != Outcome.FAILED;
    }

    /** One line for a technician: "PASSED guide-light BCM 23: lit then dark, read back". */
    public String line() {
        return outcome + " " + use + " BCM " + bcm + ": " + observed;
    }
}
