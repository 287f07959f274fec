package org.bianmin.device.link;

import java.util.concurrent.locks.LockSupport;
import org.bianmin.device.DeviceError;

/**
 * Holds each write back for as long as its bytes would take on a real serial line at the given
 * settings, so a simulator behind a pty or an in-memory pipe answers with realistic timing.
 */
public final class PacedLink extends ForwardingLink {
    private final SerialSettings settings;
    private long lineFreeAt = System.nanoTime();

    private final int chunk;

    public PacedLink(SerialLink inner, SerialSettings settings) {
        super(inner);
        this.settings = settings;
        // about one millisecond of line time per chunk, so a receiver's idle-gap framing sees no false gaps
        this.chunk = (int) Math.max(1, Math.min(64, 1_000_000L / Math.max(1, settings.wireNanos(1))));
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws LinkException {
        // Bytes leave in small chunks, each once the line would have finished sending the previous one;
        // deadlines run on from the first chunk, so a late wake-up is not carried into the next chunk.
        long due = Math.max(System.nanoTime(), lineFreeAt);
        for (int pos = 0; pos < length; pos += chunk) {
            int n = Math.min(chunk, length - pos);
            due += settings.wireNanos(n);
            waitUntil(due, inner.name());
            inner.write(data, offset + pos, n);
            lineFreeAt = due;
        }
    }

    private static void waitUntil(long nanoTime, String name) throws LinkException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new LinkException(DeviceError.LINK_IO, name + ": interrupted while sending");
            }
        }
    }
}
