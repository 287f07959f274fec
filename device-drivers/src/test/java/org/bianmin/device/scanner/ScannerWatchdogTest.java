package org.bianmin.device.scanner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.ReconnectingLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.scanner.sim.QrScannerSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner behind the link watchdog: unanswered commands count as a lost link, and it comes back. */
class ScannerWatchdogTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void repeatedlyUnansweredQueriesMarkTheScannerDisconnectedAndItReconnects(@TempDir Path dir) throws Exception {
        SerialSettings line = SerialSettings.of(9600);
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<SerialQrScanner> scannerRef = new AtomicReference<>();
        try (SocatPty pty = SocatPty.started(dir);
             QrScannerSimulator sim = new QrScannerSimulator(JsscSerialLink.open(pty.b(), line),
                     QrScannerSimulator.Settings.of(TriggerProtocol.GM65)).start()) {
            ReconnectingLink link = new ReconnectingLink("qr", pty.a(), () -> JsscSerialLink.open(pty.a(), line),
                    new ReconnectingLink.Policy(3, Duration.ofMillis(100), Duration.ofMillis(400)),
                    e -> scannerRef.get().onLinkEvent(e));
            link.open();
            try (SerialQrScanner scanner = new SerialQrScanner("qr", link, ScannerConfig.of(TriggerProtocol.GM65)
                    .withReplyTimeout(Duration.ofMillis(200)), Statistics.inMemory())) {
                scannerRef.set(scanner);
                scanner.addListener(events::add);
                scanner.open();
                scanner.enable();

                sim.stall(Duration.ofSeconds(30));
                for (int i = 0; i < 3; i++) {
                    assertEquals(DeviceError.TIMEOUT, scanner.checkHealth(HealthLevel.INTERNAL).error());
                }
                await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof DeviceEvent.Reconnected));
                assertEquals(DeviceEvent.Disconnected.class, events.get(0).getClass());
                assertEquals(DeviceState.ENABLED, scanner.state());

                sim.stall(Duration.ZERO);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                        .until(() -> scanner.checkHealth(HealthLevel.INTERNAL).healthy());
                sim.scan("AFTER-RECONNECT");
                assertEquals("AFTER-RECONNECT", scanner.scanOnce(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text());
            }
        }
    }
}
