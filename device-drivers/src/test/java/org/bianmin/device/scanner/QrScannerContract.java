package org.bianmin.device.scanner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.scanner.sim.QrScannerSimulator;
import org.bianmin.device.scanner.sim.QrScannerSimulator.Tail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every serial QR scanner must do, whatever carries the bytes: run against the simulator over an
 * in-memory pipe, over a socat pty pair through jssc, and against a real scanner on a bench.
 */
abstract class QrScannerContract {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ASCII = "https://zwfw.example.cn/t/7f3a9c";
    private static final String CHINESE = "便民服务码：户籍证明预约";

    /** The host end for the driver and, when simulated, the device end for the simulator (else null). */
    protected record Wire(SerialLink host, SerialLink device, AutoCloseable cable) {}

    /** A fresh cable at the simulator's line settings. */
    protected abstract Wire wire(SerialSettings settings) throws Exception;

    /** The driver config a test wants, or a skip when the attached device cannot run that test. */
    protected ScannerConfig adapt(ScannerConfig wanted) {
        return wanted;
    }

    /**
     * The idle gap for codes sent without a tail: a loaded 2-core CI machine can pause the simulator's
     * thread for longer than the 50 ms default, splitting a code; 200 ms still tells two codes apart.
     */
    private static final Duration NO_TAIL_GAP = Duration.ofMillis(200);

    private Rig rig;

    /** A driver (opened and enabled) and, unless on real hardware, a started simulator. */
    protected final class Rig implements AutoCloseable {
        final SerialQrScanner scanner;
        private final QrScannerSimulator sim;
        private final AutoCloseable cable;
        final List<CodeScanned> codes = new CopyOnWriteArrayList<>();

        Rig(QrScannerSimulator.Settings simSettings, ScannerConfig config) throws Exception {
            ScannerConfig cfg = adapt(config);
            Wire w = wire(simSettings.serial());
            this.cable = w.cable();
            this.sim = w.device() == null ? null : new QrScannerSimulator(w.device(), simSettings).start();
            this.scanner = new SerialQrScanner("qr", w.host(), cfg, Statistics.inMemory());
            scanner.addListener(e -> {
                if (e instanceof CodeScanned c) {
                    codes.add(c);
                }
            });
            scanner.open();
            scanner.enable();
            await().atMost(WAIT).until(scanner::inStepWithLine);
        }

        /** The simulator's hooks; a real device cannot be scripted, so such a test skips itself there. */
        QrScannerSimulator sim() {
            assumeTrue(sim != null, "this test scripts the scanner through simulator hooks; a real device cannot be scripted");
            return sim;
        }

        List<String> texts() {
            return codes.stream().map(CodeScanned::code).toList();
        }

        void awaitTexts(String... expected) {
            await().atMost(WAIT).until(() -> codes.size() >= expected.length);
            assertEquals(List.of(expected), texts());
        }

        @Override
        public void close() throws Exception {
            scanner.close();
            if (sim != null) {
                sim.close();
            }
            if (cable != null) {
                cable.close();
            }
        }
    }

    protected Rig rig(QrScannerSimulator.Settings sim, ScannerConfig config) throws Exception {
        rig = new Rig(sim, config);
        return rig;
    }

    @AfterEach
    void closeRig() throws Exception {
        if (rig != null) {
            rig.close();
            rig = null;
        }
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        return assertInstanceOf(DeviceException.class, e.getCause());
    }

    @ParameterizedTest(name = "tail {0}")
    @EnumSource(value = Tail.class, names = {"CR", "CRLF", "NONE"})
    void continuousModeDeliversAsciiAndChineseCodesWithEveryTail(Tail tail) throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NONE).withTail(tail),
                ScannerConfig.of(TriggerProtocol.NONE).withFormat(ScanFormat.defaults().withIdleGap(NO_TAIL_GAP)));
        r.sim().scan(ASCII);
        r.awaitTexts(ASCII);
        r.sim().scan(CHINESE);
        r.awaitTexts(ASCII, CHINESE);
        assertEquals(2, r.scanner.statistics().get(SerialQrScanner.CODES));
        assertEquals(0, r.scanner.statistics().get(Statistics.ERRORS));
        assertArrayEquals(CHINESE.getBytes(StandardCharsets.UTF_8), r.codes.get(1).rawBytes());
    }

    @Test
    void prefixSuffixAndAimIdAreStrippedAndTheSymbologyIsReported() throws Exception {
        QrScannerSimulator.Settings sim = QrScannerSimulator.Settings.of(TriggerProtocol.NONE).withTail(Tail.CRLF)
                .withPrefix("\u0002").withSuffix("#END").withAimId("]Q1");
        ScanFormat format = ScanFormat.defaults().withPrefix("\u0002").withSuffix("#END").withAim(true);
        Rig r = rig(sim, ScannerConfig.of(TriggerProtocol.NONE).withFormat(format));
        r.sim().scan(CHINESE);
        r.awaitTexts(CHINESE);
        CodeScanned c = r.codes.get(0);
        assertEquals(Symbology.QR_CODE, c.symbology());
        assertEquals("\u0002]Q1" + CHINESE + "#END", new String(c.rawBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aFactoryGm65InGbkWithoutTailIsReadWithTheCharsetConfigured() throws Exception {
        Charset gbk = Charset.forName("GBK");
        QrScannerSimulator.Settings sim = QrScannerSimulator.Settings.gm65Factory().withProtocol(TriggerProtocol.NONE);
        Rig r = rig(sim, ScannerConfig.of(TriggerProtocol.NONE).withFormat(ScanFormat.defaults().withCharset(gbk).withIdleGap(NO_TAIL_GAP)));
        r.sim().scan("小" + CHINESE);
        r.awaitTexts("小" + CHINESE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TriggerProtocol.class, names = {"NEWLAND", "GM65"})
    void aCodePresentedBeforeTheHostTriggerIsDeliveredOnlyOnceTriggered(TriggerProtocol protocol) throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(protocol), ScannerConfig.of(protocol));
        QrScannerSimulator sim = r.sim();
        sim.scan(CHINESE);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> r.codes.isEmpty());
        assertEquals(1, sim.presentedCount());
        assertEquals(0, sim.codesSent());

        ScannedCode code = r.scanner.scanOnce(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertEquals(CHINESE, code.text());
        r.awaitTexts(CHINESE);
        // start and stop: both answered, and neither reply turned into a code
        await().atMost(WAIT).until(() -> sim.repliesSent() == 2);
        assertEquals(2, sim.framesReceived());
        assertEquals(List.of(CHINESE), r.texts());
        assertFalse(sim.triggerWindowOpen());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TriggerProtocol.class, names = {"NEWLAND", "GM65"})
    void aCodePresentedWhileTheTriggerWindowIsOpenIsDeliveredAtOnce(TriggerProtocol protocol) throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(protocol), ScannerConfig.of(protocol));
        QrScannerSimulator sim = r.sim();
        CompletableFuture<ScannedCode> scan = r.scanner.scanOnce(WAIT);
        await().atMost(WAIT).until(sim::triggerWindowOpen);
        sim.scan(ASCII);
        assertEquals(ASCII, scan.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text());
        r.awaitTexts(ASCII);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TriggerProtocol.class)
    void scanOnceWithNothingPresentedFailsWithNoCode(TriggerProtocol protocol) throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(protocol), ScannerConfig.of(protocol));
        long t0 = System.nanoTime();
        DeviceException e = failure(r.scanner.scanOnce(Duration.ofMillis(300)));
        assertEquals(DeviceError.NO_CODE, e.error());
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos(), "gave up before its timeout");
        assertEquals(List.of(), r.texts());
    }

    @Test
    void aTriggeredScanEndsItsSessionAfterTheTimeoutSoALaterCodeWaitsForTheNextTrigger() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NEWLAND), ScannerConfig.of(TriggerProtocol.NEWLAND));
        QrScannerSimulator sim = r.sim();
        assertEquals(DeviceError.NO_CODE, failure(r.scanner.scanOnce(Duration.ofMillis(200))).error());
        await().atMost(WAIT).until(() -> sim.framesReceived() == 2 && !sim.triggerWindowOpen());
        sim.scan(ASCII);
        assertEquals(1, sim.presentedCount());
        assertEquals(ASCII, r.scanner.scanOnce(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TriggerProtocol.class, names = {"NEWLAND", "GM65"})
    void theInternalHealthCheckIsAQueryTheScannerAnswers(TriggerProtocol protocol) throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(protocol), ScannerConfig.of(protocol));
        HealthReport h = r.scanner.checkHealth(HealthLevel.INTERNAL);
        assertTrue(h.healthy(), h.toString());
        assertTrue(h.detail().startsWith("answered the query: "), h.detail());
    }

    @Test
    void withoutACommandChannelTheInternalHealthCheckSaysItCannotTell() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NONE), ScannerConfig.of(TriggerProtocol.NONE));
        HealthReport h = r.scanner.checkHealth(HealthLevel.INTERNAL);
        assertTrue(h.detail().startsWith("unknown: trigger protocol NONE has no command channel"), h.detail());
        assertFalse(r.scanner.hasCommandChannel());
    }

    @Test
    void theExternalHealthCheckIsAScan() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.GM65), ScannerConfig.of(TriggerProtocol.GM65)
                .withHealthScanTimeout(Duration.ofSeconds(3)));
        r.sim().scan("TEST-CARD");
        HealthReport h = r.scanner.checkHealth(HealthLevel.EXTERNAL);
        assertTrue(h.healthy(), h.toString());
        assertEquals("scanned a code: UNKNOWN, 9 characters", h.detail());
    }

    @Test
    void garbageOnTheLineIsDroppedAndAGoodCodeAfterItIsStillDelivered() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NONE), ScannerConfig.of(TriggerProtocol.NONE));
        r.sim().garbage();
        await().atMost(WAIT).until(() -> r.scanner.statistics().get(Statistics.ERRORS) >= 1);
        r.sim().scan(CHINESE);
        r.awaitTexts(CHINESE);
        assertEquals(1, r.scanner.statistics().get(SerialQrScanner.CODES));
    }

    @Test
    void garbageLongerThanAnyCodeIsDroppedAndTheDriverResyncs() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.GM65).withProtocol(TriggerProtocol.NONE),
                ScannerConfig.of(TriggerProtocol.NONE).withFormat(ScanFormat.defaults().withMaxCodeBytes(64)));
        r.sim().garbage("A".repeat(200).getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> r.scanner.statistics().get(Statistics.ERRORS) >= 1);
        r.sim().scan(ASCII);
        r.awaitTexts(ASCII);
    }

    @Test
    void aStalledScannerFailsTheInternalHealthCheckWithTimeoutAndRecovers() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.GM65), ScannerConfig.of(TriggerProtocol.GM65));
        r.sim().stall(Duration.ofMillis(1500));
        HealthReport h = r.scanner.checkHealth(HealthLevel.INTERNAL);
        assertFalse(h.healthy());
        assertEquals(DeviceError.TIMEOUT, h.error());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> r.scanner.checkHealth(HealthLevel.INTERNAL).healthy());
    }

    @Test
    void aStalledScannerFailsATriggeredScanWithTimeoutNotNoCode() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NEWLAND), ScannerConfig.of(TriggerProtocol.NEWLAND));
        r.sim().stall(Duration.ofSeconds(2));
        assertEquals(DeviceError.TIMEOUT, failure(r.scanner.scanOnce(Duration.ofSeconds(3))).error());
    }

    @Test
    void scanOnceOnADisabledScannerFailsAndSaysToEnableIt() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NONE), ScannerConfig.of(TriggerProtocol.NONE));
        r.scanner.disable();
        assertEquals(DeviceState.OPEN, r.scanner.state());
        DeviceException e = failure(r.scanner.scanOnce(WAIT));
        assertEquals("qr is OPEN, not ENABLED; call enable() before scanOnce()", e.getMessage());
    }

    @Test
    void codesScannedWhileDisabledAreNotDeliveredAsEvents() throws Exception {
        Rig r = rig(QrScannerSimulator.Settings.of(TriggerProtocol.NONE), ScannerConfig.of(TriggerProtocol.NONE));
        r.scanner.disable();
        r.sim().scan(ASCII);
        await().atMost(WAIT).until(() -> r.scanner.statistics().get(SerialQrScanner.CODES) == 1);
        assertEquals(List.of(), r.texts());
        r.scanner.enable();
        r.sim().scan(CHINESE);
        r.awaitTexts(CHINESE);
    }
}
