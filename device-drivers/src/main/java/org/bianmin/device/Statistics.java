package org.bianmin.device;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named counters of one device (cards read, receipts, cuts, errors…) that survive restarts when
 * given a file: {@link #save()} writes them atomically, {@link #load(Path)} reads them back.
 */
public final class Statistics {
    private static final Logger log = LoggerFactory.getLogger(Statistics.class);

    public static final String ERRORS = "errors";
    public static final String DISCONNECTS = "disconnects";
    public static final String RECONNECTS = "reconnects";

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Optional<Path> store;

    private Statistics(Optional<Path> store) {
        this.store = store;
    }

    /** Counters kept in memory only. */
    public static Statistics inMemory() {
        return new Statistics(Optional.empty());
    }

    /**
     * Counters backed by a properties file; a missing or unreadable file starts from zero (logged),
     * because losing counters must never stop a device.
     */
    public static Statistics load(Path file) {
        Statistics s = new Statistics(Optional.of(file));
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
                for (String k : p.stringPropertyNames()) {
                    try {
                        s.counters.put(k, new AtomicLong(Long.parseLong(p.getProperty(k).trim())));
                    } catch (NumberFormatException e) {
                        log.warn("statistics file {}: counter {} is not a number, starting it at 0", file, k);
                    }
                }
            } catch (IOException e) {
                log.warn("statistics file {} could not be read ({}); counters start at 0", file, e.getMessage());
            }
        }
        return s;
    }

    public long increment(String counter) {
        return add(counter, 1);
    }

    public long add(String counter, long delta) {
        return counters.computeIfAbsent(counter, k -> new AtomicLong()).addAndGet(delta);
    }

    public long get(String counter) {
        AtomicLong v = counters.get(counter);
        return v == null ? 0 : v.get();
    }

    /** A sorted copy of every counter. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** Writes the counters to the backing file (temp file + rename); a no-op when in memory. */
    public void save() throws IOException {
        if (store.isEmpty()) {
            return;
        }
        Path file = store.get();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Properties p = new Properties();
        snapshot().forEach((k, v) -> p.setProperty(k, Long.toString(v)));
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "device statistics");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
