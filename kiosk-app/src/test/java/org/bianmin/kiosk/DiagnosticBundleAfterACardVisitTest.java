package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.maintenance.DiagnosticBundle;
import org.bianmin.kiosk.maintenance.KioskDevicesMaintenance;
import org.bianmin.kiosk.maintenance.KioskLog;
import org.bianmin.kiosk.maintenance.VersionInfo;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The diagnostic bundle a technician takes away after a citizen's card visit on the kiosk built by its composition
 * root (the reference backend as its own process, the devices simulated byte for byte, the kiosk's log written to a
 * file): no entry holds the citizen's ID number, name or address, read as UTF-8, as UTF-16LE (the card's own text
 * encoding) or as GB18030 (the receipts').
 */
class DiagnosticBundleAfterACardVisitTest {
    static final String NUMBER = "110105194910010015";
    static final List<String> PERSONAL = List.of(NUMBER, "测试用户甲", "测试省示例市虚构区样例路1号");
    static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, Charset.forName("GB18030"));

    @TempDir
    Path dir;

    @Test
    void aBundleMadeAfterACardVisitHoldsNoIdNumberNameOrAddressInAnyEncoding() throws Exception {
        Path log = dir.resolve("logs").resolve(KioskLog.FILE_NAME);
        Map<String, byte[]> entries;
        try (BackendProcess backend = BackendProcess.start(dir.resolve("backend")); KioskLogFile ignored = new KioskLogFile(log)) {
            KioskConfig config = KioskConfigLoader.overDefaults()
                    .file(projectFile("config/kiosk-demo.yaml"))
                    .set("backend.url", backend.baseUri().toString())
                    .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed"))
                    .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                    .load();
            KioskToken token = KioskToken.resolve(config.backend(), Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
            try (KioskApp kiosk = KioskApp.start(config, token, KioskApp.Options.in(dir.resolve("state")))) {
                cardVisit(kiosk);
                // a line no kiosk code writes, as a careless one might: the bundle masks the log again
                Files.writeString(log, "2026-11-25 07:00:00,000 INFO  [visit] o.b.k.Careless - read " + NUMBER + "\n",
                        StandardOpenOption.APPEND);
                ExecutorService worker = Executors.newSingleThreadExecutor();
                try (KioskDevicesMaintenance devices = new KioskDevicesMaintenance(kiosk.devices(), kiosk.supervisor(), worker, Clock.systemUTC())) {
                    DiagnosticBundle bundle = new DiagnosticBundle(() -> config, devices, new KioskLog(log),
                            () -> VersionInfo.of(KioskVersion.current(), config.version(), config.identity().kioskId()), Clock.systemUTC());
                    entries = unzip(bundle.make());
                } finally {
                    worker.shutdownNow();
                }
            }
        }

        assertEquals(List.of("versions.txt", "config.json", "devices.json", "traces/id-card.txt", "traces/qr-scanner.txt",
                "traces/receipt-printer.txt", "logs/kiosk.log"), List.copyOf(entries.keySet()));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            for (Charset cs : ENCODINGS) {
                for (String secret : PERSONAL) {
                    assertFalse(contains(e.getValue(), secret.getBytes(cs)), e.getKey() + " holds " + secret.length()
                            + " characters of the citizen's data in " + cs);
                }
            }
        }
        String kioskLog = new String(entries.get("logs/kiosk.log"), StandardCharsets.UTF_8);
        assertTrue(kioskLog.contains("visit 1 started") && kioskLog.contains("read 110105********0015"), "the visit's log, masked");
        assertTrue(new String(entries.get("traces/id-card.txt"), StandardCharsets.UTF_8).contains("withheld: text 256 B, photo 1024 B"));
        String config = new String(entries.get("config.json"), StandardCharsets.UTF_8);
        assertFalse(config.contains("demo-kiosk-token") || config.contains("pbkdf2"), "no token, no PIN hash: " + config);
        assertTrue(new String(entries.get("devices.json"), StandardCharsets.UTF_8).contains("\"receipt-printer\""));
    }

    private static void cardVisit(KioskApp kiosk) {
        VisitMachine m = kiosk.machine();
        await("the service list").atMost(Duration.ofSeconds(30)).until(() -> m.view() != null && m.view().backendOnline());
        m.wake();
        awaitView(m, v -> v.step() == Step.HOME && !v.services().isEmpty(), "home");
        m.chooseService(ServiceRules.SI_CERTIFICATE);
        awaitView(m, v -> v.step() == Step.IDENTIFY, "identify");
        kiosk.devices().simulators().orElseThrow().idCardSimulator().placeCard(CardFixtures.resident());
        awaitView(m, v -> v.step() == Step.SERVICE_GUIDE, "the guide after the card was read");
        m.confirm();
        awaitView(m, v -> v.step() == Step.PREVIEW, "the preview");
        m.print();
        awaitView(m, v -> v.step() == Step.DONE, "printed");
        kiosk.devices().simulators().orElseThrow().idCardSimulator().removeCard();
        awaitView(m, v -> v.step() == Step.EVALUATE, "the evaluation");
        m.skipEvaluation();
        awaitView(m, v -> v.step() == Step.IDLE, "idle again");
    }

    private static VisitView awaitView(VisitMachine m, Predicate<VisitView> p, String what) {
        return await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(m::view, v -> {
            if (v != null && v.step() == Step.PROBLEM) {
                fail("problem instead of " + what + ": " + v);
            }
            return v != null && p.test(v);
        });
    }

    private static Path projectFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        return fail(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The kiosk's log file as its own logback configuration writes it (the kiosk's loggers, INFO and up), while open. */
    private static final class KioskLogFile implements AutoCloseable {
        private final ch.qos.logback.classic.Logger kiosk = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.bianmin");
        private final Level before = kiosk.getLevel();
        private final FileAppender<ILoggingEvent> file = new FileAppender<>();

        KioskLogFile(Path path) {
            LoggerContext context = kiosk.getLoggerContext();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
            encoder.start();
            file.setContext(context);
            file.setFile(path.toString());
            file.setEncoder(encoder);
            file.start();
            kiosk.addAppender(file);
            // into the file only: the test's console stays at its usual WARN
            kiosk.setAdditive(false);
            kiosk.setLevel(Level.INFO);
        }

        @Override
        public void close() {
            kiosk.detachAppender(file);
            kiosk.setAdditive(true);
            kiosk.setLevel(before);
            file.stop();
        }
    }
}
