package org.bianmin.kiosk.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The count of wrong PINs and the lock, kept in the kiosk's state directory. */
class PinLockTest {
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    @Test
    void theFifthWrongPinInARowLocksForTheLockoutAndARightPinBeforeThatStartsTheCountAgain() {
        PinLock lock = PinLock.open(dir, 5, LOCKOUT, T0);
        for (int i = 0; i < 4; i++) {
            lock.wrongPin(T0);
        }
        assertEquals(1, lock.triesLeft(T0));
        lock.rightPin();
        assertEquals(5, lock.triesLeft(T0));
        for (int i = 0; i < 5; i++) {
            lock.wrongPin(T0.plusSeconds(i));
        }
        assertTrue(lock.lockedAt(T0.plusSeconds(4)));
        assertTrue(lock.lockedAt(T0.plusSeconds(4).plus(LOCKOUT).minusMillis(1)));
        assertFalse(lock.lockedAt(T0.plusSeconds(4).plus(LOCKOUT)));
        assertEquals(5, lock.triesLeft(T0.plusSeconds(4).plus(LOCKOUT)), "after the lockout the count starts again");
    }

    @Test
    void theLockIsReadBackAfterARestartAndItsFileHoldsNoPin() throws IOException {
        PinLock lock = PinLock.open(dir, 3, LOCKOUT, T0);
        lock.wrongPin(T0);
        lock.wrongPin(T0);
        lock.wrongPin(T0);

        PinLock again = PinLock.open(dir, 3, LOCKOUT, T0.plusSeconds(60));

        assertTrue(again.lockedAt(T0.plusSeconds(60)));
        assertEquals(T0.plus(LOCKOUT), again.state().lockedUntil().orElseThrow());
        String file = Files.readString(dir.resolve(PinLock.FILE_NAME));
        assertTrue(file.contains("lockedUntil=2026-11-25T07\\:15\\:00Z"), file);
    }

    @Test
    void aLockFileThatCannotBeReadLocksRatherThanOpens() throws IOException {
        Files.writeString(dir.resolve(PinLock.FILE_NAME), "wrongInARow=lots\n");

        PinLock lock = PinLock.open(dir, 5, LOCKOUT, T0);

        assertTrue(lock.lockedAt(T0));
        assertFalse(lock.lockedAt(T0.plus(LOCKOUT)));
    }
}
