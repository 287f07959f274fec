package org.bianmin.device.printer.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.TcpLink;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.EscPosSettings;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator standing in for a network printer on a TCP port, as {@code sim receipt-printer --listen} runs it. */
class TcpListeningLinkTest {
    private static final SerialSettings LINE = SerialSettings.of(115200);
    private static final EscPosSettings SETTINGS = EscPosSettings.DEFAULTS.withAfterJobWait(Duration.ZERO)
            .withPollInterval(Duration.ZERO).withLineBaud(0);

    private ReceiptPrinterSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private TcpListeningLink listen() throws LinkException {
        TcpListeningLink port = TcpListeningLink.listen(0);
        simulator = new ReceiptPrinterSimulator(port, LINE, PrinterProfile.MM80).tearOffAfter(Duration.ofMillis(200)).start();
        return port;
    }

    /** One visit of the kiosk: connect, print, close the printer and with it the connection. */
    private static PrintResult printOnce(int port, PrintLedger ledger, Receipt receipt, String key) throws Exception {
        try (EscPosReceiptPrinter printer = new EscPosReceiptPrinter("receipt-printer", TcpLink.connect("127.0.0.1", port, Duration.ofSeconds(2)),
                PrinterProfile.MM80, SETTINGS, ledger, Statistics.inMemory(), new Listeners())) {
            printer.open();
            printer.enable();
            return printer.print(receipt, key).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKioskThatDisconnectsAndReconnectsPrintsAgainOnTheSameSimulatedPrinter() throws Exception {
        TcpListeningLink port = listen();
        assertTrue(port.port() > 0, "port 0 picks a free port");
        PrintLedger ledger = PrintLedger.inMemory();

        PrintResult first = printOnce(port.port(), ledger, Receipt.builder().line("受理回执 第一张").cut().build(), "txn-1");
        PrintResult second = printOnce(port.port(), ledger, Receipt.builder().line("受理回执 第二张").cut().build(), "txn-2");

        assertEquals(PrintResult.Outcome.PRINTED, first.outcome(), first.toString());
        assertEquals(PrintResult.Outcome.PRINTED, second.outcome(), second.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.receipts().size() >= 2);
        List<PrintedReceipt> receipts = simulator.receipts();
        assertEquals(2, receipts.size());
        assertTrue(receipts.get(0).text().contains("第一张"), receipts.get(0).text());
        assertTrue(receipts.get(1).text().contains("第二张"), receipts.get(1).text());
        assertEquals(2, port.connections());
    }

    @Test
    void aPortAlreadyListenedOnIsBusyAndTheMessageSaysWhatToDo() throws Exception {
        try (TcpListeningLink first = TcpListeningLink.listen(InetAddress.getLoopbackAddress(), 0)) {
            LinkException e = assertThrows(LinkException.class, () -> TcpListeningLink.listen(InetAddress.getLoopbackAddress(), first.port()));
            assertEquals(DeviceError.PORT_BUSY, e.error());
            assertTrue(e.getMessage().contains("choose another port"), e.getMessage());
        }
    }

    @Test
    void closingStopsListening() throws Exception {
        TcpListeningLink port = TcpListeningLink.listen(0);
        port.close();
        assertFalse(port.isOpen());
        assertThrows(LinkException.class, () -> TcpLink.connect("127.0.0.1", port.port(), Duration.ofSeconds(2)));
    }
}
