package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.SerialSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The scanner contract against a real scanner on a technician's bench. Tests that need simulator hooks
 * skip themselves; those that remain check the command channel, health and the no-code timeout.
 */
@Tag("hardware")
class HardwareQrScannerTest extends QrScannerContract {
    private static final String PORT = System.getProperty("kiosk.hw.port", "");
    private static final int BAUD = Integer.getInteger("kiosk.hw.baud", 9600);
    private static final String PROTOCOL = System.getProperty("kiosk.hw.protocol", "NONE");

    @BeforeAll
    static void needsAScannerOnAPort() {
        assumeTrue(!PORT.isBlank(), "no scanner attached: run with -Dkiosk.hw.port=/dev/ttyACM0"
                + " [-Dkiosk.hw.baud=9600] [-Dkiosk.hw.protocol=NONE|NEWLAND|GM65] to test a real scanner");
    }

    @Override
    protected Wire wire(SerialSettings settings) throws Exception {
        return new Wire(JsscSerialLink.open(PORT, SerialSettings.of(BAUD)), null, null);
    }

    @Override
    protected ScannerConfig adapt(ScannerConfig wanted) {
        TriggerProtocol attached;
        try {
            attached = TriggerProtocol.valueOf(PROTOCOL.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dkiosk.hw.protocol=" + PROTOCOL + " is not a trigger protocol; use NONE, NEWLAND or GM65", e);
        }
        assumeTrue(wanted.protocol() == attached, "this test needs a " + wanted.protocol() + " scanner; the one on "
                + PORT + " is set up as " + attached + " (-Dkiosk.hw.protocol)");
        return wanted;
    }
}
