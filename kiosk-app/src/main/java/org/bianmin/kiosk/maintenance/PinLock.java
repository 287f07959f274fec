package org.bianmin.kiosk.maintenance;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts wrong maintenance PINs in a row and locks PIN entry for a while after too many, in a small file under the
 * kiosk's state directory so that restarting the kiosk does not lift the lock. The file holds a count and an instant,
 * never a PIN. A file that cannot be read is taken as locked now: a broken lock must not open the door.
 */
public final class PinLock {
    static final String FILE_NAME = "maintenance-pin.lock";
    private static final Logger log = LoggerFactory.getLogger(PinLock.class);

    /** Where the count stands: wrong PINs in a row, and when entry is locked until (if it is). */
    public record State(int wrongInARow, Optional<Instant> lockedUntil) {
        public boolean lockedAt(Instant now) {
            return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
        }
    }

    private final Path file;
    private final int attempts;
    private final Duration lockout;
    private State state;

    private PinLock(Path file, int attempts, Duration lockout, State state) {
        this.file = file;
        this.attempts = attempts;
        this.lockout = lockout;
        this.state = state;
    }

    /**
     * Reads the lock from {@code stateDir}; a missing file is a clean slate.
     *
     * @param attempts wrong PINs in a row that lock entry
     * @param lockout  how long entry stays locked then
     */
    public static PinLock open(Path stateDir, int attempts, Duration lockout, Instant now) {
        Path file = stateDir.resolve(FILE_NAME);
        return new PinLock(file, attempts, lockout, read(file, lockout, now));
    }

    private static State read(Path file, Duration lockout, Instant now) {
        if (!Files.exists(file)) {
            return new State(0, Optional.empty());
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            int wrong = Integer.parseInt(p.getProperty("wrongInARow", "0").strip());
            String until = p.getProperty("lockedUntil", "").strip();
            return new State(Math.max(0, wrong), until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until)));
        } catch (IOException | RuntimeException e) {
            log.warn("maintenance PIN lock file {} cannot be read ({}); PIN entry is locked for {} s", file, e.getMessage(),
                    lockout.toSeconds());
            return new State(0, Optional.of(now.plus(lockout)));
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whether PIN entry is locked at {@code now}. */
    public synchronized boolean lockedAt(Instant now) {
        return state.lockedAt(now);
    }

    /** Wrong PINs still allowed before the lock (0 while locked). */
    public synchronized int triesLeft(Instant now) {
        return state.lockedAt(now) ? 0 : Math.max(0, attempts - state.wrongInARow());
    }

    /** Counts a wrong PIN; the one that reaches the limit locks entry until {@code now + lockout}. */
    public synchronized State wrongPin(Instant now) {
        int wrong = (state.lockedUntil().isPresent() && !state.lockedAt(now) ? 0 : state.wrongInARow()) + 1;
        state = wrong >= attempts ? new State(0, Optional.of(now.plus(lockout))) : new State(wrong, Optional.empty());
        save();
        return state;
    }

    /** A right PIN: the count starts again. */
    public synchronized void rightPin() {
        state = new State(0, Optional.empty());
        save();
    }

    private void save() {
        Properties p = new Properties();
        p.setProperty("wrongInARow", Integer.toString(state.wrongInARow()));
        p.setProperty("lockedUntil", state.lockedUntil().map(Instant::toString).orElse(""));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "maintenance PIN entry: wrong PINs in a row and the lock (no PIN here)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("maintenance PIN lock not saved to {} ({}); it holds until the kiosk restarts", file, e.getMessage());
        }
    }
}
