package org.bianmin.device.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.idcard.SamIdCardReader;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.Receipt;
import org.bianmin.device.printer.sim.PaperItem;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.scanner.SerialQrScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One simulated device restarted with new settings while the other two run on untouched. */
class SimulatedDevicesRestartTest {
    private static final SimulatedDevices.Options OPTIONS = SimulatedDevices.Options.defaults()
            .withCardTiming(IdCardSimulator.Timing.FAST);

    private SimulatedDevices devices;

    @BeforeEach
    void start() throws Exception {
        devices = SimulatedDevices.start(OPTIONS);
    }

    @AfterEach
    void stop() {
        devices.close();
    }

    @Test
    void aPrinterRestartedAt58mmPrintsOnA58mmRollWhileTheReaderAndScannerKeepRunning() throws Exception {
        SamIdCardReader reader = devices.idCardReader();
        SerialQrScanner scanner = devices.scanner();
        var before = devices.printer();

        devices.restart(SimulatedDevices.RECEIPT_PRINTER, OPTIONS.withPrinter(9600, PrinterProfile.MM58));

        assertNotSame(before, devices.printer(), "a new driver for the new roll");
        assertEquals(PrinterProfile.MM58, devices.printerSimulator().profile());
        assertSame(reader, devices.idCardReader(), "the card reader is not touched");
        assertSame(scanner, devices.scanner(), "the scanner is not touched");
        assertTrue(reader.checkHealth(HealthLevel.INTERNAL).healthy(), "the card reader still answers");

        String forty = "0123456789".repeat(4);
        PrintResult result = devices.printer().print(Receipt.builder().line(forty).build(), "restart-58").get();
        assertTrue(result.printed(), result::toString);
        PrintedReceipt printed = await("the receipt torn off").atMost(Duration.ofSeconds(20))
                .until(() -> devices.printerSimulator().receipts(), r -> !r.isEmpty()).get(0);
        List<String> lines = printed.items().stream().filter(i -> i instanceof PaperItem.TextLine)
                .map(i -> ((PaperItem.TextLine) i).text()).toList();
        assertEquals(List.of(forty.substring(0, 32), forty.substring(32)), lines, "32 columns to the line on 58 mm paper");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(printed.png()));
        assertEquals(384, png.getWidth(), "384 dots across a 58 mm roll");
    }

    @Test
    void aNameThatIsNoSimulatedDeviceIsRefusedAndNothingIsRestarted() {
        var printer = devices.printer();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> devices.restart("printer", OPTIONS));

        assertEquals("no simulated device is called 'printer'; the simulated devices are id-card, qr-scanner and receipt-printer",
                e.getMessage());
        assertSame(printer, devices.printer());
    }
}
