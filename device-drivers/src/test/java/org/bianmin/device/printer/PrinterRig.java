package org.bianmin.device.printer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.link.TcpLink;
import org.bianmin.device.link.TracingLink;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;

/**
 * A printer's host link (traced) and, unless it is a real printer, the simulator at the other end:
 * over an in-memory pipe, a socat pty pair through jssc, or TCP on 127.0.0.1.
 */
final class PrinterRig implements AutoCloseable {
    static final SerialSettings LINE = SerialSettings.of(115200);
    static final Duration TEAR_OFF = Duration.ofMillis(200);

    final TracingLink host;
    final ReceiptPrinterSimulator simulator;
    private final List<AutoCloseable> extras;

    private PrinterRig(SerialLink host, ReceiptPrinterSimulator simulator, List<AutoCloseable> extras) {
        this.host = new TracingLink(host, 100_000);
        this.simulator = simulator;
        this.extras = extras;
    }

    /** Quick timings for the simulator: no wait after a job, no background poll. */
    static EscPosSettings fastSettings() {
        return EscPosSettings.DEFAULTS.withAfterJobWait(Duration.ZERO).withPollInterval(Duration.ZERO)
                .withLineBaud(LINE.baud()).withStatusTimeout(Duration.ofMillis(300));
    }

    static PrinterRig memory(PrinterProfile profile) {
        MemoryLink.Pair pair = MemoryLink.pair("printer");
        ReceiptPrinterSimulator sim = new ReceiptPrinterSimulator(pair.device(), LINE, profile).tearOffAfter(TEAR_OFF).start();
        return new PrinterRig(pair.host(), sim, List.of());
    }

    static PrinterRig pty(PrinterProfile profile, Path dir) throws Exception {
        SocatPty pty = SocatPty.started(dir);
        SerialLink host = JsscSerialLink.open(pty.a(), LINE);
        SerialLink device = JsscSerialLink.open(pty.b(), LINE);
        ReceiptPrinterSimulator sim = new ReceiptPrinterSimulator(device, LINE, profile).tearOffAfter(TEAR_OFF).start();
        return new PrinterRig(host, sim, List.of(pty));
    }

    static PrinterRig tcp(PrinterProfile profile) throws Exception {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<Socket> accepted = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                accepted.complete(server.accept());
            } catch (IOException e) {
                accepted.completeExceptionally(e);
            }
        });
        SerialLink host = TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));
        Socket socket = accepted.get(5, TimeUnit.SECONDS);
        ReceiptPrinterSimulator sim = new ReceiptPrinterSimulator(TcpLink.over(socket), LINE, profile).tearOffAfter(TEAR_OFF).start();
        return new PrinterRig(host, sim, List.of(server));
    }

    /** A real printer on a serial port: no simulator. */
    static PrinterRig hardware(String port, int baud) throws Exception {
        return new PrinterRig(JsscSerialLink.open(port, SerialSettings.of(baud)), null, new ArrayList<>());
    }

    EscPosReceiptPrinter printer(PrinterProfile profile, EscPosSettings settings) throws Exception {
        return printer(profile, settings, PrintLedger.inMemory(), Statistics.inMemory());
    }

    EscPosReceiptPrinter printer(PrinterProfile profile, EscPosSettings settings, PrintLedger ledger, Statistics stats) throws Exception {
        EscPosReceiptPrinter p = new EscPosReceiptPrinter("receipt-printer", host, profile, settings, ledger, stats, new Listeners());
        p.open();
        p.enable();
        return p;
    }

    /** Bytes the host sent other than real-time requests (DLE EOT n, DLE ENQ n): what could print. */
    long printBytesSent() {
        return host.recent().stream()
                .filter(c -> c.direction() == TracingLink.Direction.TX)
                .filter(c -> !(c.data().length == 3 && c.data()[0] == EscPos.DLE && (c.data()[1] == EscPos.EOT || c.data()[1] == EscPos.ENQ)))
                .mapToLong(c -> c.data().length)
                .sum();
    }

    /** The largest single write of the host. */
    int largestWrite() {
        return host.recent().stream().filter(c -> c.direction() == TracingLink.Direction.TX).mapToInt(c -> c.data().length).max().orElse(0);
    }

    List<PrintedReceipt> receipts() {
        return simulator.receipts();
    }

    @Override
    public void close() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        host.close();
        for (AutoCloseable c : extras) {
            c.close();
        }
    }
}
