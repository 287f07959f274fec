package org.bianmin.device.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.ReadReply;
import org.bianmin.device.idcard.SamCodec;
import org.bianmin.device.idcard.SamFrameReceiver;
import org.bianmin.device.idcard.SamIdCardReader;
import org.bianmin.device.idcard.SamReaderConfig;
import org.bianmin.device.idcard.SamReply;
import org.bianmin.device.idcard.TextBlock;
import org.bianmin.device.idcard.sim.CardFixture;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.PacedLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.link.TracingLink;
import org.bianmin.device.printer.EscPosEncoder;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.EscPosSettings;
import org.bianmin.device.printer.EscPosStatus;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.Receipt;
import org.bianmin.device.printer.TestReceipts;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.bianmin.device.scanner.ScanFormat;
import org.bianmin.device.scanner.ScanFramer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench devices}: how long the drivers take against the pure wire time of the bytes they
 * move (simulators paced at the baud rate, RF delays set to zero), how fast receipts encode, how
 * close printing comes to the line rate, and how many frames a second the codecs handle.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Benchmark the device drivers and codecs; prints tables.")
final class BenchDevices extends DeviceCommand {
    @Option(names = "--reads", paramLabel = "N", defaultValue = "30", description = "ID card reads per wiring (default: ${DEFAULT-VALUE})")
    int reads;

    @Option(names = "--quick", description = "fewer iterations, for a smoke run")
    boolean quick;

    private static final IdCardSimulator.Timing WIRE_ONLY = new IdCardSimulator.Timing(Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    BenchDevices(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (json) {
            return terminal.fail(name(), "has no JSON output; run it without --json", ExitCodes.USAGE, false);
        }
        if (reads < 1 || reads > 10_000) {
            return terminal.fail(name(), "--reads " + reads + " must be between 1 and 10000", ExitCodes.USAGE, json);
        }
        if (quick) {
            reads = Math.min(reads, 5);
        }
        terminal.line("Bianmin Kiosk device benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version().feature() + ")");
        terminal.line("");
        idCardReads();
        terminal.line("");
        receiptEncoding();
        terminal.line("");
        printerThroughput();
        terminal.line("");
        codecs();
        return ExitCodes.OK;
    }

    // ---- 1. ID card read against the wire time ----

    private void idCardReads() throws DeviceException {
        terminal.line("1. ID card read (find + select + read text and photo) at 115200 8N1; simulator RF delays 0,");
        terminal.line("   both directions paced at the baud rate, so the wire time is the floor. Target overhead <= 10 %.");
        terminal.line(String.format("   %-22s %6s %9s %11s %11s %11s %10s  %s", "wiring", "reads", "bytes", "wire ms", "median ms",
                "p95 ms", "overhead", "verdict"));
        for (String wiring : List.of("memory", "pty+jssc")) {
            idCardRow(wiring);
        }
    }

    private void idCardRow(String wiring) throws DeviceException {
        SerialSettings s = SerialSettings.of(115200);
        Path dir = null;
        SocatPty pty = null;
        SerialLink host;
        SerialLink device;
        try {
            if (wiring.equals("memory")) {
                MemoryLink.Pair p = MemoryLink.pair("bench-card");
                host = p.host();
                device = p.device();
            } else {
                dir = Files.createTempDirectory("kiosk-bench");
                pty = SocatPty.started(dir);
                host = JsscSerialLink.open(pty.b(), s);
                device = JsscSerialLink.open(pty.a(), s);
            }
        } catch (IOException e) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "bench: " + e.getMessage());
        }
        TracingLink traced = new TracingLink(new PacedLink(host, s), 64);
        long[] bytes = new long[1];
        TracingLink counting = new TracingLink(traced, 1, c -> bytes[0] += c.data().length);
        try (IdCardSimulator sim = new IdCardSimulator(device, s, IdCardSimulator.Options.defaults().withTiming(WIRE_ONLY));
             SamIdCardReader reader = new SamIdCardReader("bench", counting, SamReaderConfig.defaults(), Statistics.inMemory())) {
            sim.start();
            reader.open();
            reader.enable();
            long[] times = new long[reads];
            long bytesPerRead = 0;
            for (int i = -3; i < reads; i++) {
                sim.placeCard(CardFixtures.resident());
                long before = bytes[0];
                long t0 = System.nanoTime();
                Futures.await(reader.read(), Duration.ofSeconds(10), "bench read");
                long took = System.nanoTime() - t0;
                sim.removeCard();
                if (i >= 0) {
                    times[i] = took;
                    bytesPerRead = bytes[0] - before;
                }
            }
            Arrays.sort(times);
            double wireMs = s.wireNanos(bytesPerRead) / 1e6;
            double median = times[times.length / 2] / 1e6;
            double p95 = times[Math.min(times.length - 1, (int) Math.ceil(times.length * 0.95) - 1)] / 1e6;
            double overhead = (median - wireMs) / wireMs * 100;
            terminal.line(String.format("   %-22s %6d %9d %11.1f %11.1f %11.1f %9.1f%%  %s", wiring, reads, bytesPerRead, wireMs, median,
                    p95, overhead, overhead <= 10 ? "ok" : "OVER TARGET"));
        } finally {
            if (pty != null) {
                pty.close();
            }
        }
    }

    // ---- 2. receipt encoding ----

    private void receiptEncoding() throws DeviceException {
        terminal.line("2. Receipt encoding (the technician's test receipt: Chinese text, sizes, QR code, cut)");
        terminal.line(String.format("   %-22s %9s %12s %14s", "profile", "bytes", "median us", "receipts/s"));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (PrinterProfile p : List.of(PrinterProfile.MM58, PrinterProfile.MM80, PrinterProfile.MM58_NO_NATIVE_QR)) {
            Receipt r = TestReceipts.diagnostic(p, at);
            EscPosEncoder enc = new EscPosEncoder(p);
            int n = quick ? 50 : 500;
            long[] t = new long[n];
            int size = 0;
            for (int i = -n / 5; i < n; i++) {
                long t0 = System.nanoTime();
                size = enc.encode(r).length;
                if (i >= 0) {
                    t[i] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(t);
            double us = t[n / 2] / 1e3;
            terminal.line(String.format("   %-22s %9d %12.1f %14.0f", p.name(), size, us, 1e6 / us));
        }
    }

    // ---- 3. printer throughput against the line rate ----

    private void printerThroughput() throws DeviceException {
        terminal.line("3. Printing a long receipt through the driver to the simulator (paced at the baud rate), 80 mm");
        terminal.line("   The driver sends 1 KB bursts with a DLE EOT 1 poll between them, and checks status before and after.");
        terminal.line(String.format("   %-10s %9s %11s %14s %14s %11s", "baud", "bytes", "job ms", "bytes/s", "line bytes/s", "of line"));
        Receipt.Builder b = Receipt.builder().centre().bold(true).line("社会保险参保缴费明细 BENCH").bold(false).left();
        for (int i = 0; i < (quick ? 20 : 120); i++) {
            b.pair("2025-" + (i % 12 + 1) + " 养老保险 基数 5,000.00", "个人 400.00");
        }
        Receipt r = b.qr("https://verify.example.invalid/bench").cut().build();
        for (int baud : List.of(9600, 115200)) {
            SerialSettings s = SerialSettings.of(baud);
            MemoryLink.Pair p = MemoryLink.pair("bench-print");
            try (ReceiptPrinterSimulator sim = new ReceiptPrinterSimulator(p.device(), s, PrinterProfile.MM80);
                 EscPosReceiptPrinter printer = new EscPosReceiptPrinter("bench", new PacedLink(p.host(), s), PrinterProfile.MM80,
                         EscPosSettings.DEFAULTS.withLineBaud(baud), PrintLedger.inMemory(), Statistics.inMemory(), new Listeners())) {
                sim.start();
                printer.open();
                printer.enable();
                long t0 = System.nanoTime();
                PrintResult res = Futures.await(printer.print(r, "bench-" + baud), Duration.ofMinutes(5), "bench print");
                long took = System.nanoTime() - t0;
                if (!res.printed()) {
                    throw res.toException();
                }
                double rate = res.bytesSent() / (took / 1e9);
                double line = baud / (double) s.bitsPerByte();
                terminal.line(String.format("   %-10d %9d %11.0f %14.0f %14.0f %10.1f%%", baud, res.bytesSent(), took / 1e6, rate, line,
                        rate / line * 100));
            }
        }
    }

    // ---- 4. codecs ----

    private void codecs() throws DeviceException {
        terminal.line("4. Codecs (pure functions, no I/O)");
        terminal.line(String.format("   %-52s %14s", "operation", "per second"));
        CardFixture card = CardFixtures.resident();
        byte[] data = new byte[4 + 256 + 1024];
        data[0] = 0x01;
        data[2] = 0x04;
        System.arraycopy(card.textBlock(), 0, data, 4, 256);
        System.arraycopy(card.photo().wlt(), 0, data, 260, 1024);
        byte[] frame = SamCodec.encode(new SamReply(0, 0, 0x90, data));
        rate("SAM_V read reply: receive 1295 bytes, check, parse", () -> {
            SamFrameReceiver rx = SamFrameReceiver.forReplies();
            Object last = null;
            for (byte x : frame) {
                var res = rx.push(x);
                if (res.isPresent()) {
                    last = res.get();
                }
            }
            SamReply reply = SamCodec.decodeReply(((SamFrameReceiver.Frame) last).bytes());
            TextBlock.parse(ReadReply.parse(reply.data(), false).textBlock());
        });
        byte[] status = {0x12, 0x12, 0x12, 0x7E};
        rate("DLE EOT 1-4 status bytes decoded", () -> EscPosStatus.decode(status));
        ScanFormat fmt = ScanFormat.defaults();
        byte[] code = ("https://example.invalid/essc?token=" + "A".repeat(64) + "\r").getBytes(StandardCharsets.UTF_8);
        rate("scanner: frame and decode a 100-byte QR code", () -> new ScanFramer(fmt).accept(code, 0, code.length));
        EscPosEncoder enc = new EscPosEncoder(PrinterProfile.MM80);
        Receipt small = Receipt.builder().line("办件编号 2026-000123").qr("https://example.invalid/v/ABC123").cut().build();
        rate("ESC/POS: encode a 3-line receipt with a QR code", () -> enc.encode(small));
    }

    private interface Op {
        void run() throws DeviceException;
    }

    private void rate(String what, Op op) throws DeviceException {
        long budget = Duration.ofMillis(quick ? 100 : 700).toNanos();
        long warm = System.nanoTime() + budget / 2;
        while (System.nanoTime() < warm) {
            op.run();
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + budget / 3;
            while (System.nanoTime() < end) {
                op.run();
                n++;
            }
            rates.add(n / ((System.nanoTime() - t0) / 1e9));
        }
        rates.sort(Double::compare);
        terminal.line(String.format("   %-52s %14.0f", what, rates.get(1)));
    }
}
