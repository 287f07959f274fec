package org.bianmin.kiosk.diag;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.document.CupsDocumentPrinter;
import org.bianmin.device.document.DocumentPrinterStatus;

/**
 * Checks the A4 printer's CUPS queue: that cupsd answers, that the queue exists, and that it is enabled,
 * accepts jobs and reports no paper, cover or printer fault — through the kiosk's own driver, which reads
 * the queue's state over IPP. Prints nothing.
 */
final class CupsQueueCheck implements DeviceCheck {
    private static final int CUPS_PORT = 631;
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration STATUS = Duration.ofSeconds(15);

    private final String device;
    private final String queue;
    private final boolean required;

    CupsQueueCheck(String device, String queue, boolean required) {
        this.device = device;
        this.queue = queue;
        this.required = required;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String port() {
        return "cups:" + queue;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public Verdict check() {
        InetSocketAddress server = server();
        if (!answers(server)) {
            return Verdict.fail(Finding.of(DeviceError.PRINTER_OFFLINE)
                            .cause("打印服务 cupsd 没有运行（" + server.getHostString() + ":" + server.getPort() + " 无应答）",
                                    "the print service cupsd is not running (nothing answers on " + server.getHostString() + ":" + server.getPort() + ")")
                            .remedy("启动它：sudo systemctl start cups（没有 systemd 时：sudo cupsd），然后再次自检",
                                    "start it: sudo systemctl start cups (without systemd: sudo cupsd), then run the self-test again"),
                    "no connection to " + server.getHostString() + ":" + server.getPort());
        }
        CupsDocumentPrinter printer = CupsDocumentPrinter.forQueue(device, queue);
        try {
            printer.open();
            DocumentPrinterStatus s = printer.status().get(STATUS.toMillis(), TimeUnit.MILLISECONDS);
            return judge(s);
        } catch (DeviceException e) {
            if (e.error() == DeviceError.PORT_NOT_FOUND) {
                return Verdict.fail(missing(), e.getMessage());
            }
            return Verdict.fail(Finding.of(e.error()), e.getMessage());
        } catch (ExecutionException e) {
            DeviceError error = e.getCause() instanceof DeviceException de ? de.error() : DeviceError.INTERNAL;
            return Verdict.fail(Finding.of(error), String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return Verdict.fail(Finding.of(DeviceError.TIMEOUT), "cupsd did not say the queue's state within " + STATUS.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.fail(Finding.of(DeviceError.INTERNAL), "interrupted");
        } finally {
            printer.close();
        }
    }

    private Verdict judge(DocumentPrinterStatus s) {
        Optional<DeviceError> problem = s.problem();
        if (problem.isEmpty()) {
            return s.paperLow() ? Verdict.okWithWarning(s.summary(), Finding.of(DeviceError.PAPER_NEAR_END)) : Verdict.ok(s.summary());
        }
        if (problem.get() == DeviceError.PRINTER_OFFLINE && (s.state() == DocumentPrinterStatus.State.STOPPED || !s.acceptingJobs())) {
            boolean stopped = s.state() == DocumentPrinterStatus.State.STOPPED;
            String zh = stopped && !s.acceptingJobs() ? "已停用且拒绝任务" : stopped ? "已停用（stopped）" : "拒绝接收任务";
            String en = stopped && !s.acceptingJobs() ? "is stopped and rejects jobs" : stopped ? "is stopped (disabled)" : "rejects jobs";
            String commands = (stopped ? "sudo cupsenable " + queue : "") + (stopped && !s.acceptingJobs() ? "; " : "")
                    + (s.acceptingJobs() ? "" : "sudo cupsaccept " + queue);
            return Verdict.fail(Finding.of(DeviceError.PRINTER_OFFLINE)
                    .cause("CUPS 队列 " + queue + " " + zh, "CUPS queue " + queue + " " + en)
                    .remedy("先排除打印机的故障（纸、卡纸、电源），再运行 " + commands,
                            "clear what stopped the printer (paper, jam, power), then run " + commands), s.summary());
        }
        return Verdict.fail(Finding.of(problem.get()), s.summary());
    }

    private Finding missing() {
        String[] names = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).toArray(String[]::new);
        String list = names.length == 0 ? null : String.join(", ", names);
        return Finding.of(DeviceError.PORT_NOT_FOUND)
                .cause("CUPS 里没有名为 " + queue + " 的打印队列", "CUPS has no queue named " + queue)
                .remedy((list == null ? "CUPS 里一个队列也没有" : "现有队列：" + list)
                                + "；改正 devices.documentPrinter.queue，或用 lpadmin 添加队列（lpinfo -v 列出打印机）",
                        (list == null ? "CUPS has no queues at all" : "queues found: " + list)
                                + "; correct devices.documentPrinter.queue, or add the queue with lpadmin (lpinfo -v lists the printers)");
    }

    /** The cupsd javax.print talks to: CUPS_SERVER's host and port, or localhost:631 (a socket path means localhost too). */
    private static InetSocketAddress server() {
        String s = System.getenv("CUPS_SERVER");
        if (s == null || s.isBlank() || s.startsWith("/")) {
            return InetSocketAddress.createUnresolved("localhost", CUPS_PORT);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            try {
                return InetSocketAddress.createUnresolved(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return InetSocketAddress.createUnresolved(s.substring(0, colon), CUPS_PORT);
            }
        }
        return InetSocketAddress.createUnresolved(s, CUPS_PORT);
    }

    private static boolean answers(InetSocketAddress server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHostString(), server.getPort()), (int) CONNECT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
