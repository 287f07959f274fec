package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;

/**
 * The contract against a real printer on a technician's bench. Prints test receipts; tests that
 * need the simulator's hooks skip themselves.
 */
@Tag("hardware")
class ReceiptPrinterOnHardwareTest extends ReceiptPrinterContract {
    static final String HOW = "runs only against a real printer: mvn -pl device-drivers test -Dtest=ReceiptPrinterOnHardwareTest"
            + " -Dkiosk.hw.port=/dev/ttyUSB0 [-Dkiosk.hw.baud=9600] [-Dkiosk.hw.width=58|80]"
            + " (the build excludes the 'hardware' tag, so also lift that exclusion)";

    @Override
    protected PrinterRig connect(PrinterProfile profile) throws Exception {
        String port = System.getProperty("kiosk.hw.port");
        assumeTrue(port != null && !port.isBlank(), HOW);
        int width = Integer.getInteger("kiosk.hw.width", 80);
        assumeTrue(width >= profile.paperMm(), "a " + profile.paperMm() + " mm test on a " + width + " mm printer is skipped");
        return PrinterRig.hardware(port, Integer.getInteger("kiosk.hw.baud", 9600));
    }

    @Override
    protected EscPosSettings settings() {
        return EscPosSettings.DEFAULTS.withLineBaud(Integer.getInteger("kiosk.hw.baud", 9600))
                .withPollInterval(Duration.ZERO).withAfterJobWait(Duration.ofSeconds(2));
    }
}
