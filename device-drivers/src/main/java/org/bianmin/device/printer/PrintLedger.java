package org.bianmin.device.printer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every print job by idempotency key (queued → sent → done | failed), so a job that
 * was sent is never sent twice. In memory, or backed by a file rewritten atomically on every
 * change so it survives a restart; the oldest entries are dropped beyond {@code capacity}.
 */
public final class PrintLedger {
    private static final Logger log = LoggerFactory.getLogger(PrintLedger.class);
    private static final int MAX_KEY_LENGTH = 200;
    private static final int DEFAULT_CAPACITY = 10_000;

    public enum State {
        /** Accepted, no byte sent yet. */
        QUEUED,
        /** Bytes are going out (written before the first byte, so a crash leaves it here). */
        SENT,
        DONE,
        FAILED
    }

    /** One job: its state, and when failed the reason and how many bytes had gone out. */
    public record Entry(String key, State state, DeviceError error, String detail, long bytesSent, Instant at) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Optional<Path> file;
    private final int capacity;

    private PrintLedger(Optional<Path> file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    public static PrintLedger inMemory() {
        return new PrintLedger(Optional.empty(), DEFAULT_CAPACITY);
    }

    /** A ledger kept in {@code file}; a missing file starts empty, unreadable lines are skipped and logged. */
    public static PrintLedger load(Path file) {
        return load(file, DEFAULT_CAPACITY);
    }

    public static PrintLedger load(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("print ledger capacity " + capacity + " must be at least 1");
        }
        PrintLedger l = new PrintLedger(Optional.of(file), capacity);
        if (!Files.isRegularFile(file)) {
            return l;
        }
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Optional<Entry> e = parse(line);
                if (e.isPresent()) {
                    l.entries.put(e.get().key(), e.get());
                } else {
                    log.warn("print ledger {}: line {} is not a ledger entry; skipped", file, lineNo);
                }
            }
        } catch (IOException e) {
            log.warn("print ledger {} could not be read ({}); starting empty, so jobs sent before may be sent again", file, e.getMessage());
        }
        return l;
    }

    /** Refuses keys a ledger cannot hold: blank, too long, or with control characters. */
    public static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("idempotency key is missing; give each receipt a unique key, e.g. the transaction number");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key is " + key.length() + " characters; use at most " + MAX_KEY_LENGTH);
        }
        if (key.codePoints().anyMatch(cp -> cp < 0x20 || cp == 0x7F)) {
            throw new IllegalArgumentException("idempotency key contains a control character (tab, newline…); use letters, digits and - _ . : only");
        }
    }

    public synchronized Optional<Entry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Every entry, oldest first. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Records the entry (replacing any with the same key) and saves; a save failure is a typed error. */
    public synchronized void record(Entry e) throws DeviceException {
        entries.remove(e.key());
        entries.put(e.key(), e);
        while (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
        save();
    }

    private void save() throws DeviceException {
        if (file.isEmpty()) {
            return;
        }
        Path f = file.get();
        try {
            Path dir = f.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, f.getFileName().toString(), ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Entry e : entries.values()) {
                    w.write(format(e));
                    w.newLine();
                }
            }
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DeviceException(DeviceError.INTERNAL, "print ledger " + f + " cannot be written (" + e.getMessage()
                    + "); without it a job could print twice, so nothing is printed: fix the disk or the path", e);
        }
    }

    /**
     * What a new request under an already recorded key gets instead of being sent: the recorded
     * outcome when the job printed, was being sent, or failed after bytes went out; empty when the
     * job was only queued or refused before any byte (so it may be sent now).
     */
    public static Optional<PrintResult> recordedResult(Entry e) {
        String when = " at " + e.at();
        return switch (e.state()) {
            case DONE -> Optional.of(new PrintResult(e.key(), PrintResult.Outcome.PRINTED, DeviceError.ALREADY_PRINTED,
                    "already printed under this key" + when + "; not printed again", e.bytesSent(), true));
            case SENT -> Optional.of(new PrintResult(e.key(), PrintResult.Outcome.UNKNOWN, DeviceError.ALREADY_PRINTED,
                    "this key was being sent" + when + " when the kiosk stopped; not sent again: check the paper and print with a new key if needed",
                    e.bytesSent(), true));
            case FAILED -> e.bytesSent() > 0
                    ? Optional.of(new PrintResult(e.key(), PrintResult.Outcome.FAILED, e.error(),
                            "already tried under this key" + when + " and failed after " + e.bytesSent() + " bytes (" + e.detail()
                                    + "); not sent again: print with a new key", e.bytesSent(), true))
                    : Optional.empty();
            case QUEUED -> Optional.empty();
        };
    }

    // key TAB state TAB error TAB bytes TAB instant TAB detail; the key has no control characters
    private static String format(Entry e) {
        String detail = e.detail() == null ? "" : e.detail().replaceAll("[\\t\\r\\n]", " ");
        return String.join("\t", e.key(), e.state().name(), e.error() == null ? "-" : e.error().name(),
                Long.toString(e.bytesSent()), e.at().toString(), detail);
    }

    private static Optional<Entry> parse(String line) {
        String[] f = line.split("\t", 6);
        if (f.length != 6) {
            return Optional.empty();
        }
        try {
            State state = State.valueOf(f[1]);
            DeviceError error = f[2].equals("-") ? null : DeviceError.valueOf(f[2]);
            return Optional.of(new Entry(f[0], state, error, f[5], Long.parseLong(f[3]), Instant.parse(f[4])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
