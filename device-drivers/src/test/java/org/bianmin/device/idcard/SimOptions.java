package org.bianmin.device.idcard;

import java.time.Duration;
import org.bianmin.device.idcard.sim.IdCardSimulator;

/** Simulator options for tests: millisecond RF delays and a fixed seed. */
final class SimOptions {
    private SimOptions() {}

    static IdCardSimulator.Options fast() {
        return new IdCardSimulator.Options(IdCardSimulator.Timing.FAST, BaudCodes.COMMON, IdCardSimulator.DEFAULT_SAM_ID,
                Duration.ofMillis(100), 42);
    }
}
