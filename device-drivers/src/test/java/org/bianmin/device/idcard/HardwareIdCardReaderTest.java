package org.bianmin.device.idcard;

import java.nio.file.Path;
import java.util.Optional;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

/**
 * The contract against a real SAM_V reader on a technician's bench. Runs only with
 * {@code -Dkiosk.hw.port=/dev/ttyUSB0} (and optionally {@code -Dkiosk.hw.baud=115200}); the tests that
 * need cards placed by hand skip themselves, so keep the reader empty.
 */
@Tag("hardware")
class HardwareIdCardReaderTest extends IdCardReaderContract {

    @Override
    protected Bench bench(Path dir) throws Exception {
        String port = System.getProperty("kiosk.hw.port");
        Assumptions.assumeTrue(port != null && !port.isBlank(), "no real reader given: set -Dkiosk.hw.port=/dev/ttyUSB0 "
                + "(optionally -Dkiosk.hw.baud=115200) and include the 'hardware' JUnit tag, which the build excludes by default");
        SerialSettings settings = SerialSettings.of(Integer.getInteger("kiosk.hw.baud", 115200));
        return new Bench() {
            @Override
            public SerialLink hostLink() throws Exception {
                return JsscSerialLink.open(port, settings);
            }

            @Override
            public Optional<IdCardSimulator> simulator() {
                return Optional.empty();
            }

            @Override
            public void close() {
                // the reader closes its link; nothing else was opened
            }
        };
    }
}
