package org.bianmin.device.printer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every receipt printer must do, whatever the wire: subclasses give the link (in-memory
 * simulator, simulator behind a socat pty pair through jssc, or a real printer).
 */
abstract class ReceiptPrinterContract {
    static final Instant AT = Instant.parse("2025-03-01T02:03:04Z");
    static final String AT_BEIJING = "2025-03-01 10:03:04";

    private PrinterRig rig;
    private EscPosReceiptPrinter printer;

    /** The link to a printer of this profile; the rig's simulator is null for a real printer. */
    protected abstract PrinterRig connect(PrinterProfile profile) throws Exception;

    protected EscPosSettings settings() {
        return PrinterRig.fastSettings();
    }

    @AfterEach
    void disconnect() throws Exception {
        if (printer != null) {
            printer.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private EscPosReceiptPrinter start(PrinterProfile profile, EscPosSettings s) throws Exception {
        rig = connect(profile);
        printer = rig.printer(profile, s);
        return printer;
    }

    private Optional<ReceiptPrinterSimulator> simulator() {
        return Optional.ofNullable(rig.simulator);
    }

    private ReceiptPrinterSimulator requireSimulator() {
        assumeTrue(rig.simulator != null, "needs the simulator's hooks: a real printer cannot be told to run out of paper");
        return rig.simulator;
    }

    private PrintedReceipt onlyReceipt() {
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.receipts().size() >= 1);
        assertEquals(1, rig.receipts().size());
        return rig.receipts().get(0);
    }

    private static PrintResult printed(EscPosReceiptPrinter p, Receipt r, String key) throws Exception {
        PrintResult result = p.print(r, key).get(60, TimeUnit.SECONDS);
        assertTrue(result.printed(), result.toString());
        return result;
    }

    static Stream<PrinterProfile> bothWidths() {
        return Stream.of(PrinterProfile.MM58, PrinterProfile.MM80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothWidths")
    void theDiagnosticReceiptPrintsWithItsChineseTextIntact(PrinterProfile profile) throws Exception {
        EscPosReceiptPrinter p = start(profile, settings());
        printed(p, TestReceipts.diagnostic(profile, AT), "diag-" + profile.name());
        if (simulator().isEmpty()) {
            return;
        }
        PrintedReceipt got = onlyReceipt();
        String text = got.text();
        assertTrue(text.contains("打印测试"), text);
        assertTrue(text.contains(TestReceipts.TITLE), text);
        assertTrue(text.contains("社会保险参保证明"), text);
        assertTrue(text.contains("右对齐 right"), text);
        assertTrue(text.contains("[QR: 便民打印测试 " + profile.name() + " " + AT_BEIJING + "]"), text);
        assertEquals(List.of("便民打印测试 " + profile.name() + " " + AT_BEIJING), got.qrPayloads());
        assertTrue(text.lines().allMatch(l -> ReceiptText.width(l) <= profile.columns() || l.startsWith("[QR:")), text);
        assertEquals(profile.hasCutter(), got.cut(), "cut only where there is a cutter");
    }

    @Test
    void aNativeQrCodeArrivesAsItsUtf8Payload() throws Exception {
        EscPosReceiptPrinter p = start(PrinterProfile.MM80, settings());
        String payload = "https://zwfw.example.cn/查询?事项=社保证明&编号=2025";
        printed(p, Receipt.builder().centre().qr(payload, 6, QrErrorLevel.Q).line("扫码查询").cut().build(), "qr-native");
        if (simulator().isEmpty()) {
            return;
        }
        PrintedReceipt got = onlyReceipt();
        assertEquals(List.of(payload), got.qrPayloads());
        assertTrue(got.text().contains("[QR: " + payload + "]"), got.text());
    }

    @Test
    void withoutNativeQrTheCodeGoesAsARasterThatScansToThePayload() throws Exception {
        EscPosReceiptPrinter p = start(PrinterProfile.MM58_NO_NATIVE_QR, settings());
        String payload = "便民服务 电子证照 核验码 2025-0001";
        printed(p, Receipt.builder().centre().qr(payload).line("扫码核验").build(), "qr-raster");
        if (simulator().isEmpty()) {
            return;
        }
        PrintedReceipt got = onlyReceipt();
        assertEquals(List.of(), got.qrPayloads(), "no GS ( k on this printer");
        assertTrue(got.text().contains("[QR: " + payload + "]"), got.text());
    }

    @Test
    void theStatusFollowsEveryHook() throws Exception {
        EscPosReceiptPrinter p = start(PrinterProfile.MM80, settings());
        assertEquals(PrinterStatus.ALL_CLEAR, status(p));
        ReceiptPrinterSimulator sim = requireSimulator();

        sim.paperNearEnd();
        assertEquals("12 12 12 1E", status(p).raw());
        assertTrue(status(p).ready(), "near end still prints");
        sim.paperOut();
        assertEquals("1A 32 12 7E", status(p).raw());
        assertEquals(Optional.of(DeviceError.PAPER_OUT), status(p).problem());
        sim.loadPaper();
        assertEquals(PrinterStatus.ALL_CLEAR, status(p));

        sim.openCover();
        assertEquals("1A 16 12 12", status(p).raw());
        assertEquals(Optional.of(DeviceError.COVER_OPEN), status(p).problem());
        sim.closeCover();
        assertEquals(PrinterStatus.ALL_CLEAR, status(p));

        sim.cutterJam();
        assertEquals("3A 52 1A 12", status(p).raw());
        assertEquals(Optional.of(DeviceError.CUTTER_ERROR), status(p).problem());
        assertEquals(PrinterStatus.ALL_CLEAR, p.recover().get(5, TimeUnit.SECONDS), "DLE ENQ 1 clears the cutter error");
    }

    @Test
    void afterLineNoiseThePrinterIsReadRightAgain() throws Exception {
        EscPosReceiptPrinter p = start(PrinterProfile.MM80, settings().withStatusAttempts(1));
        ReceiptPrinterSimulator sim = requireSimulator();
        sim.garbage();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try {
                return p.status().get(5, TimeUnit.SECONDS).equals(PrinterStatus.ALL_CLEAR);
            } catch (ExecutionException e) {
                DeviceError error = ((DeviceException) e.getCause()).error();
                assertEquals(DeviceError.UNEXPECTED_REPLY, error, "noise is an unexpected reply, nothing else");
                return false;
            }
        });
    }

    @Test
    void theProbeFindsThePrinter() throws Exception {
        rig = connect(PrinterProfile.MM80);
        assertTrue(EscPosProbe.answers(rig.host, Duration.ofSeconds(2)));
    }

    @Test
    void aSecondPrintWithTheSameKeyReturnsTheFirstOutcomeAndPrintsNothing() throws Exception {
        EscPosReceiptPrinter p = start(PrinterProfile.MM80, settings());
        Receipt r = Receipt.builder().line("受理回执 No.0001").cut().build();
        printed(p, r, "same-key");
        long sent = rig.printBytesSent();
        PrintResult again = p.print(r, "same-key").get(10, TimeUnit.SECONDS);
        assertTrue(again.printed());
        assertTrue(again.repeated());
        assertEquals(DeviceError.ALREADY_PRINTED, again.error());
        assertEquals(sent, rig.printBytesSent(), "not a byte more");
        if (simulator().isPresent()) {
            assertTrue(onlyReceipt().cut());
        }
    }

    private static PrinterStatus status(EscPosReceiptPrinter p) throws Exception {
        return p.status().get(5, TimeUnit.SECONDS);
    }
}
