package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SamReaderConfigTest {

    @Test
    void theDefaultsFollowTheVendorTimeouts() {
        SamReaderConfig c = SamReaderConfig.defaults();
        assertEquals(Duration.ofMillis(300), c.timeouts().sam());
        assertEquals(Duration.ofMillis(500), c.timeouts().find());
        assertEquals(Duration.ofMillis(3500), c.timeouts().read());
        assertEquals(Duration.ofMillis(700), c.pollInterval());
        assertEquals(SamReaderConfig.RemovalProbe.SELECT, c.removalProbe());
        assertEquals(2, c.removalProbeFailures());
    }

    @Test
    void aRemovalProbeThatNeverFailsOrWaitsTooLongIsRefusedWithTheUsualValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamReaderConfig.defaults().withRemovalProbeFailures(0));
        assertEquals("removal-probe-failures 0 must be 1..10; use 2 so that one stray select answer does not end a visit", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamReaderConfig.defaults().withRemovalProbeFailures(11));
        assertEquals(1, SamReaderConfig.defaults().withRemovalProbeFailures(1).removalProbeFailures());
    }

    @Test
    void pollingFasterThan300MillisecondsIsRefusedWithTheFloorAndTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamReaderConfig.defaults().withPollInterval(Duration.ofMillis(100)));
        assertEquals("poll-interval 100 ms is below the 300 ms floor; reader modules miss cards when polled faster, so use 300 ms or more",
                e.getMessage());
    }

    @Test
    void aReadTimeoutBelowThreeAndAHalfSecondsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamReaderConfig.Timeouts.DEFAULTS.withRead(Duration.ofSeconds(1)));
        assertEquals("timeouts.read 1000 ms is below 3500 ms; a read at 9600 baud with fingerprints takes about 3.3 s, so use 3500 ms or more",
                e.getMessage());
    }

    @Test
    void aZeroTimeoutNamesItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamReaderConfig.Timeouts.DEFAULTS.withFind(Duration.ZERO));
        assertEquals("timeouts.find must be a positive duration, e.g. 500 ms; got PT0S", e.getMessage());
    }

    @Test
    void aMaxRfFrameOutsideOneByteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SamReaderConfig.defaults().withMaxRfFrameBytes(0));
        assertThrows(IllegalArgumentException.class, () -> SamReaderConfig.defaults().withMaxRfFrameBytes(256));
        assertEquals(80, SamReaderConfig.defaults().withMaxRfFrameBytes(80).maxRfFrameBytes().getAsInt());
    }
}
