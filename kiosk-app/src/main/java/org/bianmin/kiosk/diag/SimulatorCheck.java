package org.bianmin.kiosk.diag;

import java.util.function.Supplier;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;

/**
 * Checks a device the config runs simulated (simulated: true): the kiosk's own driver asks the built-in
 * simulator on the other end of an in-memory cable for its internal health, as the kiosk would at start.
 */
final class SimulatorCheck implements DeviceCheck {
    private final String device;
    private final boolean required;
    private final Supplier<Verdict> verdict;

    SimulatorCheck(String device, Device driver, boolean required) {
        this(device, required, () -> health(driver));
    }

    private SimulatorCheck(String device, boolean required, Supplier<Verdict> verdict) {
        this.device = device;
        this.required = required;
        this.verdict = verdict;
    }

    /** A simulated device that could not be checked: the simulators did not start, or the config mixes them with real ones. */
    static DeviceCheck failing(String device, boolean required, Finding finding, String detail) {
        return new SimulatorCheck(device, required, () -> Verdict.fail(finding, detail));
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String port() {
        return "simulator";
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public Verdict check() {
        return verdict.get();
    }

    private static Verdict health(Device driver) {
        HealthReport h = driver.checkHealth(HealthLevel.INTERNAL);
        if (h.healthy()) {
            return Verdict.ok("simulated: " + h.detail());
        }
        return Verdict.fail(Finding.of(h.errorIfAny().orElse(DeviceError.INTERNAL)), "simulated: " + h.detail());
    }
}
