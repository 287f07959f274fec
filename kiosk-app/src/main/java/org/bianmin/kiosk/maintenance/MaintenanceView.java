package org.bianmin.kiosk.maintenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.kiosk.devices.LinkTrace;

/**
 * Everything the technician's screens show, as one immutable snapshot published after each change; {@link #closed()}
 * once maintenance has ended, with nothing of the technician's left in it. Never the PIN: only how many digits were
 * typed.
 *
 * @param pinDigits       digits typed on the keypad (shown as dots)
 * @param pinSetUp        whether a PIN hash is configured (else the keypad says PIN entry is not set up)
 * @param checking        a PIN or a technician code is being checked
 * @param technician      who is in: the technician's name from their code, or empty after a PIN
 * @param device          the device whose page is shown
 * @param results         the device's last result of each action
 * @param running         the device's actions under way
 * @param powerCycleUnavailable why the device cannot be power-cycled (a text key), if it cannot
 * @param power           on the GPIO panel: each device that can be power-cycled through a relay, or says why not
 * @param idleSecondsLeft seconds before maintenance leaves by itself
 */
public record MaintenanceView(Phase phase, int pinDigits, boolean pinSetUp, boolean checking, Optional<KeypadNotice> notice,
                              Optional<String> technician, Page page, Optional<String> device, List<DeviceStatus> devices,
                              Set<DeviceAction> actions, Map<DeviceAction, CheckResult> results, Set<DeviceAction> running,
                              Optional<String> powerCycleUnavailable, List<LinkTrace.Line> trace, Optional<GpioState> gpio,
                              List<PowerRow> power,
                              Optional<VersionInfo> versions, List<String> logLines, List<Volume> volumes, boolean bundleBusy,
                              Optional<BundleOutcome> bundle, int idleSecondsLeft) {

    /** Where maintenance is: not at all, the keypad (not yet let in), or the console. */
    public enum Phase { CLOSED, KEYPAD, CONSOLE }

    /** The console's pages. */
    public enum Page { DEVICES, DEVICE, GPIO, VERSIONS, LOG, BUNDLE }

    /**
     * What the keypad tells the technician.
     *
     * @param triesLeft for a wrong PIN
     * @param until     for a lock
     * @param detail    the backend's words for a refused technician code
     */
    public record KeypadNotice(Kind kind, int triesLeft, Optional<Instant> until, Optional<String> detail) {
        public enum Kind { NOT_SET_UP, TOO_SHORT, WRONG_PIN, LOCKED, CHECKING_CODE, CODE_REFUSED, BACKEND_UNREACHABLE }

        static KeypadNotice of(Kind kind) {
            return new KeypadNotice(kind, 0, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A device on the GPIO panel's power-cycle list.
     *
     * @param unavailable why its relay cannot be switched now (a text key), if it cannot
     * @param last        its last power cycle's result in this session
     */
    public record PowerRow(String device, Optional<String> unavailable, boolean running, Optional<CheckResult> last) {}

    /** Where a bundle went: saved to a file, or uploaded under an id; or why it did not. */
    public record BundleOutcome(boolean ok, Optional<Path> savedTo, Optional<String> uploadedAs, long size, String problem) {}

    public MaintenanceView {
        devices = List.copyOf(devices);
        actions = Set.copyOf(actions);
        results = Map.copyOf(results);
        running = Set.copyOf(running);
        trace = List.copyOf(trace);
        power = List.copyOf(power);
        logLines = List.copyOf(logLines);
        volumes = List.copyOf(volumes);
    }

    /** Maintenance is over: nothing to show. */
    public static MaintenanceView closed() {
        return new MaintenanceView(Phase.CLOSED, 0, false, false, Optional.empty(), Optional.empty(), Page.DEVICES, Optional.empty(),
                List.of(), Set.of(), Map.of(), Set.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(),
                List.of(), List.of(), false, Optional.empty(), 0);
    }

    /** Whether this view shows anything of a technician's session (tests, traces, log, bundle, who). */
    public boolean holdsTechnicianState() {
        return phase != Phase.CLOSED || pinDigits > 0 || technician.isPresent() || device.isPresent() || !results.isEmpty()
                || !trace.isEmpty() || !logLines.isEmpty() || bundle.isPresent() || gpio.isPresent() || !devices.isEmpty();
    }

    @Override
    public String toString() {
        return "MaintenanceView[" + phase + (phase == Phase.CONSOLE ? ", " + page + device.map(d -> " " + d).orElse("") : "")
                + (phase == Phase.KEYPAD ? ", " + pinDigits + " digits" + notice.map(n -> ", " + n.kind()).orElse("") : "")
                + (checking ? ", checking" : "") + "]";
    }
}
