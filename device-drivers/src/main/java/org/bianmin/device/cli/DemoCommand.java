package org.bianmin.device.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.PersonalData;
import org.bianmin.device.Statistics;
import org.bianmin.device.gpio.GpioContexts;
import org.bianmin.device.gpio.GpioPins;
import org.bianmin.device.gpio.GpioScheduler;
import org.bianmin.device.gpio.Indicators;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.gpio.Pi4jIndicators;
import org.bianmin.device.gpio.Pi4jSensors;
import org.bianmin.device.gpio.SensorEvent;
import org.bianmin.device.gpio.SensorSettings;
import org.bianmin.device.gpio.sim.MockGpio;
import org.bianmin.device.idcard.CardRead;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.Receipt;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.scanner.ScannedCode;
import org.bianmin.device.sim.SimulatedDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk demo} (device-layer edition): the simulated ID card reader, QR scanner, receipt
 * printer and GPIO run one scripted visit in the terminal — someone walks up, places a synthetic ID
 * card, shows a QR code, takes a printed receipt and lifts the card. Receipts land in --out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a scripted visit against the simulated devices and print what happens.")
final class DemoCommand extends DeviceCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "where receipts are written (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--card", paramLabel = "KIND", defaultValue = "resident",
            description = "the synthetic card placed: resident, foreigner-2017, foreigner-2023 or hmt (default: ${DEFAULT-VALUE})")
    String card;

    @Option(names = "--pty", description = "wire the simulators through socat pty pairs and jssc instead of memory")
    boolean pty;

    private int step;

    DemoCommand(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (json) {
            return terminal.fail(name(), "has no JSON output; run it without --json", ExitCodes.USAGE, false);
        }
        try {
            CardFixtures.byName(card);
        } catch (IllegalArgumentException e) {
            return terminal.fail(name(), e.getMessage(), ExitCodes.USAGE, json);
        }
        Path receipts = out.resolve("receipts");
        clearEarlierReceipts(receipts);
        SimulatedDevices.Options o = SimulatedDevices.Options.defaults().withReceiptsIn(receipts);
        if (pty) {
            o = o.withWiring(SimulatedDevices.Wiring.PTY, out.resolve("pty"));
        }
        terminal.line("Bianmin Kiosk demo: one visit at a township kiosk, on simulated devices (synthetic people only)");
        var gpioContext = GpioContexts.mock();
        try (SimulatedDevices d = SimulatedDevices.start(o);
             GpioScheduler lightsThread = GpioScheduler.onOwnThread("demo-lights");
             GpioScheduler sensorsThread = GpioScheduler.onOwnThread("demo-sensors");
             Pi4jIndicators lights = new Pi4jIndicators("lights", gpioContext, GpioPins.REFERENCE, lightsThread, Statistics.inMemory());
             Pi4jSensors sensors = new Pi4jSensors("sensors", gpioContext, GpioPins.REFERENCE, SensorSettings.DEFAULTS, sensorsThread,
                     Statistics.inMemory())) {
            lights.open();
            lights.enable();
            sensors.open();
            sensors.enable();
            MockGpio hand = new MockGpio(gpioContext, GpioPins.REFERENCE);
            step("Devices", "id-card " + d.idCardReader().state() + ", qr-scanner " + d.scanner().state() + ", receipt-printer "
                    + Futures.await(d.printer().status(), Duration.ofSeconds(5), "printer status").summary() + ", GPIO on the mock platform");

            CompletableFuture<Void> arrived = new CompletableFuture<>();
            sensors.addListener(e -> {
                if (e instanceof SensorEvent.PresenceDetected) {
                    arrived.complete(null);
                }
            });
            hand.personArrives();
            Futures.await(arrived, Duration.ofSeconds(5), "the presence sensor");
            step("Someone walks up", "presence sensor → the kiosk wakes up");

            CardRead read = placeCard(d, lights, hand);
            Identity id = read.identity();
            step("ID card read", id.type().zh() + " " + PersonalData.maskName(id.name()) + " " + PersonalData.maskIdNumber(id.number())
                    + ", number check " + (id.numberPassesCheck() ? "passed" : "FAILED") + ", photo " + read.photo().wlt().length
                    + " bytes (raw WLT)");

            String token = "ESSC:DEMO-" + Long.toHexString(Instant.now().toEpochMilli()).toUpperCase();
            CompletableFuture<ScannedCode> scan = d.scanner().scanOnce(Duration.ofSeconds(10));
            d.scannerSimulator().scan(token);
            ScannedCode code = Futures.await(scan, Duration.ofSeconds(12), "the QR scan");
            step("QR code scanned", ScannedCode.mask(code.text()) + " (an e-social-security-card style token)");

            PrinterStatus before = Futures.await(d.printer().status(), Duration.ofSeconds(5), "printer status");
            String caseNumber = "BM" + TIME.format(Instant.now()).replaceAll("[^0-9]", "");
            PrintResult printed = Futures.await(d.printer().print(receipt(id, caseNumber), "demo-" + caseNumber),
                    Duration.ofMinutes(2), "printing the receipt");
            if (!printed.printed()) {
                throw printed.toException();
            }
            PrintedReceipt paper = waitForPaper(d);
            step("Receipt printed", "status before: " + before.summary() + "; " + printed.bytesSent() + " bytes; status after: "
                    + d.printer().lastStatus().map(PrinterStatus::summary).orElse("?"));
            terminal.line("    written to " + receipts.resolve(String.format("receipt-%03d.txt", paper.number())) + " and .png");
            terminal.line("    ┌" + "─".repeat(50));
            for (String line : paper.text().split("\n")) {
                terminal.line("    │ " + line);
            }
            terminal.line("    └" + "─".repeat(50));

            CompletableFuture<Void> removed = new CompletableFuture<>();
            d.idCardReader().addListener(e -> {
                if (e instanceof IdCardEvent.CardRemoved) {
                    removed.complete(null);
                }
            });
            d.idCardSimulator().removeCard();
            Futures.await(removed, Duration.ofSeconds(5), "the card being lifted");
            d.idCardReader().disarm();
            lights.off(Light.GUIDE);
            hand.personLeaves();
            step("Card lifted", "CardRemoved → the visit ends and the kiosk drops what it held of the person");
            terminal.line("");
            terminal.line("demo finished: every step completed");
            return ExitCodes.OK;
        } finally {
            gpioContext.shutdown();
        }
    }

    /** Each demo run leaves its own receipts, not those of the runs before it. */
    private static void clearEarlierReceipts(Path dir) throws DeviceException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("receipt-\\d{3,}\\.(txt|png)")).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "cannot clear " + dir + ": " + e.getMessage() + "; choose another --out");
        }
    }

    private CardRead placeCard(SimulatedDevices d, Indicators lights, MockGpio hand) throws DeviceException {
        CompletableFuture<CardRead> placed = new CompletableFuture<>();
        d.idCardReader().addListener(e -> {
            if (e instanceof IdCardEvent.CardPlaced p) {
                placed.complete(p.card());
            } else if (e instanceof IdCardEvent.CardReadFailed f) {
                placed.completeExceptionally(new DeviceException(f.error(), f.detail()));
            }
        });
        lights.blink(Light.GUIDE, Indicators.WAITING_FOR_CARD);
        d.idCardReader().arm();
        step("Waiting for the ID card", "guide light " + lights.mode(Light.GUIDE) + ", reader polling");
        d.idCardSimulator().placeCard(CardFixtures.byName(card));
        CardRead r = Futures.await(placed, Duration.ofSeconds(10), "the card read");
        lights.on(Light.GUIDE);
        return r;
    }

    private static PrintedReceipt waitForPaper(SimulatedDevices d) throws DeviceException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (d.printerSimulator().receipts().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new DeviceException(DeviceError.TIMEOUT, "the printer simulator did not finish the receipt within 5 s");
            }
            Thread.onSpinWait();
        }
        return d.printerSimulator().receipts().getLast();
    }

    /** The citizen's receipt: what was done, the case number, when, and a QR code to check it. */
    private static Receipt receipt(Identity id, String caseNumber) {
        return Receipt.builder()
                .centre().bold(true).doubleSize().line("便民服务自助终端").normalSize().bold(false)
                .line("办事凭条 Service receipt")
                .separator()
                .left()
                .pair("事项 Service", "社保参保证明打印")
                .pair("办件编号 Case", caseNumber)
                .pair("申请人 Applicant", PersonalData.maskName(id.name()))
                .pair("证件号码 ID", PersonalData.maskIdNumber(id.number()))
                .pair("时间 Time", TIME.format(Instant.now()))
                .separator()
                .centre()
                .qr("https://verify.example.invalid/case/" + caseNumber)
                .line("扫码查询办理结果")
                .line("请取走您的身份证和材料")
                .feed(2)
                .cut()
                .build();
    }

    private void step(String what, String detail) {
        step++;
        terminal.line(String.format("[%d] %-24s %s", step, what, detail));
    }
}
