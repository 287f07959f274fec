package org.bianmin.device.document.sim;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.document.CupsDocumentPrinter;
import org.bianmin.device.document.DocumentPrinter;
import org.bianmin.device.document.DocumentPrinterSettings;
import org.bianmin.device.document.DocumentPrinterStatus;
import org.bianmin.device.document.PrintQueue;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrintResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated A4 printer for the demo and the tests: the real driver ({@link CupsDocumentPrinter})
 * over a queue that "prints" each job by writing its PDF into a directory as {@code NNN-title.pdf}.
 * Named hooks put it into the states a technician meets: paper out, cover open, offline, a stall.
 * A job waits in the queue while the printer cannot print, as on CUPS.
 */
public final class SpoolDocumentPrinter implements DocumentPrinter {
    private static final Logger log = LoggerFactory.getLogger(SpoolDocumentPrinter.class);
    private static final Pattern OUTPUT = Pattern.compile("(\\d{3,})-.*\\.pdf");
    /** A simulated printer answers at once, so the driver may look often. */
    public static final DocumentPrinterSettings SETTINGS = DocumentPrinterSettings.DEFAULTS.withPollInterval(Duration.ofMillis(10));

    private final Spool spool;
    private final CupsDocumentPrinter driver;

    /** Prints into {@code dir} (created if missing), numbering on from files already there. */
    public SpoolDocumentPrinter(String name, Path dir, DocumentPrinterSettings settings, PrintLedger ledger, Statistics statistics)
            throws IOException {
        this.spool = new Spool(dir);
        this.driver = new CupsDocumentPrinter(name, spool, settings, ledger, statistics, new Listeners());
    }

    /** In-memory ledger and counters, the simulator's quick timings. */
    public SpoolDocumentPrinter(String name, Path dir) throws IOException {
        this(name, dir, SETTINGS, PrintLedger.inMemory(), Statistics.inMemory());
    }

    /** The paper ran out: jobs wait, status says media-empty-error. */
    public void paperOut() {
        spool.set(() -> spool.paperOut = true);
    }

    /** Paper loaded: waiting jobs print. */
    public void paperIn() {
        spool.set(() -> spool.paperOut = false);
    }

    public void openCover() {
        spool.set(() -> spool.coverOpen = true);
    }

    public void closeCover() {
        spool.set(() -> spool.coverOpen = false);
    }

    /** The printer stops answering its queue: status says offline, jobs wait. */
    public void offline() {
        spool.set(() -> spool.offline = true);
    }

    public void online() {
        spool.set(() -> spool.offline = false);
    }

    /** The next job stays "processing" for {@code d} before it comes out. */
    public void stall(Duration d) {
        spool.set(() -> spool.stall = d);
    }

    /** The PDFs printed so far, oldest first. */
    public List<Path> printed() {
        synchronized (spool) {
            return List.copyOf(spool.printed);
        }
    }

    /** Jobs in the queue that have not ended (pending, processing). */
    public int jobsWaiting() {
        synchronized (spool) {
            return (int) spool.jobs.values().stream().filter(j -> !j.state.terminal()).count();
        }
    }

    public Path directory() {
        return spool.dir;
    }

    /** The driver inside, e.g. for its ledger. */
    public CupsDocumentPrinter driver() {
        return driver;
    }

    @Override
    public CompletableFuture<DocumentPrinterStatus> status() {
        return driver.status();
    }

    @Override
    public CompletableFuture<PrintResult> print(byte[] pdf, String jobTitle, String idempotencyKey) {
        return driver.print(pdf, jobTitle, idempotencyKey);
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public void open() throws DeviceException {
        driver.open();
    }

    @Override
    public void enable() throws DeviceException {
        driver.enable();
    }

    @Override
    public void disable() {
        driver.disable();
    }

    @Override
    public void close() {
        driver.close();
    }

    @Override
    public DeviceState state() {
        return driver.state();
    }

    @Override
    public HealthReport checkHealth(HealthLevel level) {
        return driver.checkHealth(level);
    }

    @Override
    public Statistics statistics() {
        return driver.statistics();
    }

    @Override
    public void addListener(Consumer<DeviceEvent> listener) {
        driver.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<DeviceEvent> listener) {
        driver.removeListener(listener);
    }

    /** The device side: a queue and a printer that writes files. Jobs move on when the driver looks at them. */
    private static final class Spool implements PrintQueue {
        private final Path dir;
        private final Map<Long, SpoolJob> jobs = new LinkedHashMap<>();
        private final List<Path> printed = new ArrayList<>();
        private long nextId = 1;
        private int lastNumber;
        private boolean paperOut;
        private boolean coverOpen;
        private boolean offline;
        private Duration stall = Duration.ZERO;

        private static final class SpoolJob {
            // dropped once the job has ended: the simulator keeps no citizen's document in memory
            byte[] pdf;
            final String title;
            final long notBefore;
            JobState state = JobState.PENDING;

            SpoolJob(byte[] pdf, String title, long notBefore) {
                this.pdf = pdf;
                this.title = title;
                this.notBefore = notBefore;
            }
        }

        Spool(Path dir) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Matcher m = OUTPUT.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        lastNumber = Math.max(lastNumber, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }

        synchronized void set(Runnable change) {
            change.run();
        }

        @Override
        public String describe() {
            return "simulated A4 printer into " + dir;
        }

        @Override
        public void connect() {
            // nothing to find: the directory exists since construction
        }

        @Override
        public synchronized DocumentPrinterStatus status() {
            List<String> reasons = new ArrayList<>();
            if (paperOut) {
                reasons.add("media-empty-error");
            }
            if (coverOpen) {
                reasons.add("cover-open-error");
            }
            if (offline) {
                reasons.add("offline-report");
            }
            long waiting = jobs.values().stream().filter(j -> !j.state.terminal()).count();
            DocumentPrinterStatus.State state = !reasons.isEmpty() ? DocumentPrinterStatus.State.STOPPED
                    : waiting > 0 ? DocumentPrinterStatus.State.PROCESSING : DocumentPrinterStatus.State.IDLE;
            return new DocumentPrinterStatus(state, true, reasons, (int) waiting, "");
        }

        @Override
        public synchronized long submit(byte[] pdf, String title, String key) {
            long id = nextId++;
            jobs.put(id, new SpoolJob(pdf.clone(), title, System.nanoTime() + stall.toNanos()));
            stall = Duration.ZERO;
            return id;
        }

        @Override
        public synchronized Job job(long id) throws DeviceException {
            SpoolJob j = jobs.get(id);
            if (j == null) {
                return new Job(id, JobState.UNKNOWN, List.of("job-not-found"));
            }
            if (!j.state.terminal()) {
                if (paperOut || coverOpen || offline) {
                    j.state = JobState.PROCESSING;
                    return new Job(id, JobState.PROCESSING, List.of("printer-stopped"));
                }
                if (System.nanoTime() - j.notBefore < 0) {
                    j.state = JobState.PROCESSING;
                    return new Job(id, JobState.PROCESSING, List.of("job-printing"));
                }
                write(id, j);
            }
            return new Job(id, j.state, List.of());
        }

        private void write(long id, SpoolJob j) throws DeviceException {
            int number = ++lastNumber;
            Path out = dir.resolve(String.format("%03d-%s.pdf", number, fileSafe(j.title)));
            try {
                Path tmp = Files.createTempFile(dir, "printing-", ".part");
                Files.write(tmp, j.pdf);
                try {
                    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, out);
                }
            } catch (IOException e) {
                j.state = JobState.ABORTED;
                throw new DeviceException(DeviceError.PRINTER_FAULT, "simulated printer cannot write " + out + ": " + e.getMessage(), e);
            }
            j.state = JobState.COMPLETED;
            j.pdf = null;
            printed.add(out);
            log.info("simulated A4 printer: job {} out as {}", id, out.getFileName());
        }

        @Override
        public synchronized void cancel(long id) {
            SpoolJob j = jobs.get(id);
            if (j != null && !j.state.terminal()) {
                j.state = JobState.CANCELED;
                j.pdf = null;
            }
        }

        @Override
        public void close() {
            // the files stay: they are what was printed
        }

        /** Letters (any script), digits, '-' and '_'; the rest becomes '-'. */
        private static String fileSafe(String title) {
            String s = title.replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
            return s.isEmpty() ? "document" : s.length() > 60 ? s.substring(0, 60) : s;
        }
    }
}
