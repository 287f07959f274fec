package org.bianmin.device.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.gpio.GpioContexts;
import org.bianmin.device.gpio.GpioPins;
import org.bianmin.device.gpio.GpioSelfTest;
import org.bianmin.device.gpio.PinCheck;
import org.bianmin.device.idcard.CardRead;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.TestReceipts;
import org.bianmin.device.scanner.ScannedCode;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.device.sim.SimulatedDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diag selftest --sim}: every device kind against its simulator — ID card reader, QR scanner,
 * receipt printer and GPIO on the mock platform — one row per check, so a technician can tell a
 * broken kiosk install from broken hardware.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Check every device kind against its simulator (--sim), in memory or over socat pty pairs (--pty).")
final class DiagSelftest extends DeviceCommand {
    @Option(names = "--sim", required = true, description = "run against the simulators; for the real devices of a kiosk run "
            + "./kiosk diag selftest --config FILE")
    boolean sim;

    @Option(names = "--pty", description = "wire the simulators through socat pty pairs and jssc instead of memory")
    boolean pty;

    private record Row(String device, String check, String result, long millis, String detail) {
        boolean passed() {
            return !result.equals("FAIL");
        }
    }

    private interface Check {
        String run() throws DeviceException;
    }

    private final List<Row> rows = new ArrayList<>();

    DiagSelftest(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        SimulatedDevices.Options o = SimulatedDevices.Options.defaults()
                .withScannerProtocol(TriggerProtocol.NEWLAND)
                .withCardTiming(org.bianmin.device.idcard.sim.IdCardSimulator.Timing.FAST);
        Path dir = null;
        if (pty) {
            try {
                dir = Files.createTempDirectory("kiosk-selftest");
            } catch (IOException e) {
                throw new DeviceException(DeviceError.BAD_SETTINGS, "cannot make a temporary directory for the ptys: " + e.getMessage());
            }
            o = o.withWiring(SimulatedDevices.Wiring.PTY, dir);
        }
        try (SimulatedDevices d = SimulatedDevices.start(o)) {
            idCard(d);
            scanner(d);
            printer(d);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
        gpio();
        print();
        return rows.stream().allMatch(Row::passed) ? ExitCodes.OK : ExitCodes.DEVICE_FAULT;
    }

    private void idCard(SimulatedDevices d) {
        check("id-card", "SAM status (internal health)", () -> health(d.idCardReader().checkHealth(HealthLevel.INTERNAL)));
        check("id-card", "read each card kind", () -> {
            List<String> kinds = new ArrayList<>();
            for (String kind : List.of("resident", "foreigner-2017", "foreigner-2023", "hmt")) {
                d.idCardSimulator().placeCard(CardFixtures.byName(kind));
                CardRead r = Futures.await(d.idCardReader().read(), Duration.ofSeconds(8), "reading " + kind);
                if (!r.identity().numberPassesCheck()) {
                    throw new DeviceException(DeviceError.INVALID_ID_NUMBER, kind + ": number fails its check");
                }
                kinds.add(r.identity().type().en());
                d.idCardSimulator().removeCard();
            }
            return String.join(", ", kinds);
        });
        check("id-card", "same card is not read twice", () -> {
            d.idCardSimulator().placeCard(CardFixtures.resident());
            Futures.await(d.idCardReader().read(), Duration.ofSeconds(8), "first read");
            try {
                Futures.await(d.idCardReader().read(), Duration.ofSeconds(8), "second read");
            } catch (DeviceException e) {
                if (e.error() == DeviceError.NO_CARD) {
                    d.idCardSimulator().removeCard();
                    return "second find answered 80, as the SAM_V rule says";
                }
                throw e;
            }
            throw new DeviceException(DeviceError.UNEXPECTED_REPLY, "a card already read was read again");
        });
        check("id-card", "bad check digit is refused", () -> {
            d.idCardSimulator().placeCard(CardFixtures.residentWithBadCheckDigit());
            try {
                Futures.await(d.idCardReader().read(), Duration.ofSeconds(8), "read");
            } catch (DeviceException e) {
                d.idCardSimulator().removeCard();
                if (e.error() == DeviceError.INVALID_ID_NUMBER) {
                    return "refused with " + e.error().code();
                }
                throw e;
            }
            throw new DeviceException(DeviceError.UNEXPECTED_REPLY, "a number failing MOD 11-2 was accepted");
        });
    }

    private void scanner(SimulatedDevices d) {
        check("qr-scanner", "command channel (internal health)", () -> health(d.scanner().checkHealth(HealthLevel.INTERNAL)));
        check("qr-scanner", "host-triggered scan of a Chinese code", () -> {
            String code = "便民自检 SELFTEST-" + Instant.now().getEpochSecond();
            CompletableFuture<ScannedCode> f = d.scanner().scanOnce(Duration.ofSeconds(5));
            d.scannerSimulator().scan(code);
            ScannedCode got = Futures.await(f, Duration.ofSeconds(8), "scan");
            if (!got.text().equals(code)) {
                throw new DeviceException(DeviceError.UNEXPECTED_REPLY, "scanned text differs from what was shown");
            }
            return got.text().length() + " characters intact";
        });
    }

    private void printer(SimulatedDevices d) {
        check("receipt-printer", "status (internal health)", () -> health(d.printer().checkHealth(HealthLevel.INTERNAL)));
        check("receipt-printer", "test receipt with Chinese text and QR", () -> {
            int before = d.printerSimulator().receipts().size();
            PrintResult r = Futures.await(d.printer().print(TestReceipts.diagnostic(d.printer().profile(), Instant.now()),
                    "selftest-" + System.nanoTime()), Duration.ofSeconds(60), "test print");
            if (!r.printed()) {
                throw r.toException();
            }
            waitFor(() -> d.printerSimulator().receipts().size() > before, "the simulator to finish the receipt");
            String text = d.printerSimulator().receipts().get(before).text();
            if (!text.contains(TestReceipts.TITLE)) {
                throw new DeviceException(DeviceError.UNEXPECTED_REPLY, "the printed text lacks the Chinese title");
            }
            return r.bytesSent() + " bytes, Chinese title and QR arrived";
        });
        check("receipt-printer", "paper out is reported", () -> {
            d.printerSimulator().paperOut();
            PrinterStatus s = Futures.await(d.printer().status(), Duration.ofSeconds(5), "status");
            d.printerSimulator().loadPaper();
            if (s.problem().orElse(null) != DeviceError.PAPER_OUT) {
                throw new DeviceException(DeviceError.UNEXPECTED_REPLY, "paper out not seen: " + s.summary());
            }
            return s.summary();
        });
    }

    private void gpio() {
        var ctx = GpioContexts.mock();
        try {
            for (PinCheck c : new GpioSelfTest(ctx, GpioPins.REFERENCE).run()) {
                rows.add(new Row("gpio", c.use() + " (BCM " + c.bcm() + ")", switch (c.outcome()) {
                    case PASSED -> "PASS";
                    case FAILED -> "FAIL";
                    case SKIPPED -> "SKIP";
                }, 0, c.observed()));
            }
        } finally {
            ctx.shutdown();
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless; the next boot clears /tmp
        }
    }

    private static String health(HealthReport h) throws DeviceException {
        if (!h.healthy()) {
            throw new DeviceException(h.error() == null ? DeviceError.INTERNAL : h.error(), h.detail());
        }
        return h.detail();
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitFor(Condition c, String what) throws DeviceException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new DeviceException(DeviceError.TIMEOUT, "waited 5 s for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private void check(String device, String what, Check c) {
        long t0 = System.nanoTime();
        try {
            String detail = c.run();
            rows.add(new Row(device, what, "PASS", (System.nanoTime() - t0) / 1_000_000, detail));
        } catch (DeviceException e) {
            rows.add(new Row(device, what, "FAIL", (System.nanoTime() - t0) / 1_000_000, e.technicianLine()));
        }
    }

    private void print() {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", rows.stream().allMatch(Row::passed));
            doc.put("wiring", pty ? "pty" : "memory");
            doc.put("checks", rows.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("device", r.device());
                m.put("check", r.check());
                m.put("result", r.result());
                m.put("ms", r.millis());
                m.put("detail", r.detail());
                return m;
            }).toList());
            terminal.json(doc);
            return;
        }
        terminal.line("self-test against the simulators, wired through " + (pty ? "socat pty pairs and jssc" : "memory"));
        terminal.line(String.format("%-16s %-40s %-6s %7s  %s", "device", "check", "result", "ms", "detail"));
        for (Row r : rows) {
            terminal.line(String.format("%-16s %-40s %-6s %7d  %s", r.device(), r.check(), r.result(), r.millis(), r.detail()));
        }
        long failed = rows.stream().filter(r -> !r.passed()).count();
        long skipped = rows.stream().filter(r -> r.result().equals("SKIP")).count();
        terminal.line(failed == 0 ? "all " + (rows.size() - skipped) + " checks passed, " + skipped + " skipped"
                : failed + " of " + rows.size() + " checks FAILED");
    }
}
