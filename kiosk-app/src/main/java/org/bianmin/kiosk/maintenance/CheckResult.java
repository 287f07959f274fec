package org.bianmin.kiosk.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device action found, in words the screens translate: {@code key} names the text ({@code maint.result.KEY}),
 * {@code args} fill it. Masked: an ID card's name and number, a scanned code that looks like an ID number.
 *
 * @param errorCode the device's technician code when it failed, e.g. {@code PRN-01}
 * @param detail    the device layer's own words (English, technician-facing); may be empty
 */
public record CheckResult(String device, DeviceAction action, boolean ok, String key, List<String> args, Optional<String> errorCode,
                          String detail, Instant at) {

    public CheckResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(action, "action");
        args = List.copyOf(args);
        detail = detail == null ? "" : detail;
    }

    static CheckResult ok(String device, DeviceAction action, String key, List<String> args, String detail, Instant at) {
        return new CheckResult(device, action, true, key, args, Optional.empty(), detail, at);
    }

    static CheckResult failed(String device, DeviceAction action, String key, Optional<String> errorCode, String detail, Instant at) {
        return new CheckResult(device, action, false, key, List.of(), errorCode, detail, at);
    }

    /** One line for the audit log: outcome, code and the (masked) words. */
    public String summary() {
        return (ok ? "ok" : "failed") + errorCode.map(c -> " " + c).orElse("") + " (" + key + (args.isEmpty() ? "" : " " + args) + ")"
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
