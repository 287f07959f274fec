package org.bianmin.device.link;

import java.time.Duration;
import org.bianmin.device.DeviceError;

/**
 * The wire: moves bytes to and from one device, nothing more. Protocol logic lives above it; one
 * adapter per technology (jssc, TCP, an in-memory pipe) lives below it.
 */
public interface SerialLink extends AutoCloseable {

    /** Where this link goes, for messages and logs, e.g. "/dev/ttyUSB0" or "tcp://10.0.0.5:9100". */
    String name();

    void write(byte[] data, int offset, int length) throws LinkException;

    default void write(byte[] data) throws LinkException {
        write(data, 0, data.length);
    }

    /**
     * Waits up to {@code timeout} for at least one byte and returns how many were read (at most
     * {@code length}); returns 0 when nothing arrived in time.
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException;

    /** One byte (0..255), or -1 when nothing arrived within the timeout. */
    default int readByte(Duration timeout) throws LinkException {
        byte[] b = new byte[1];
        return read(b, 0, 1, timeout) == 1 ? b[0] & 0xFF : -1;
    }

    /** Exactly {@code count} bytes within {@code timeout} overall, or a {@link DeviceError#TIMEOUT}. */
    default byte[] readExactly(int count, Duration timeout) throws LinkException {
        byte[] out = new byte[count];
        long deadline = System.nanoTime() + timeout.toNanos();
        int got = 0;
        while (got < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LinkException(DeviceError.TIMEOUT,
                        name() + ": got " + got + " of " + count + " bytes within " + timeout.toMillis() + " ms");
            }
            got += read(out, got, count - got, Duration.ofNanos(left));
        }
        return out;
    }

    /**
     * Tells the link's watchdog, if it has one, that a request went unanswered; repeated timeouts
     * count as a lost link. Passive readers (a scanner waiting for a code) never call this.
     */
    default void exchangeTimedOut() {}

    /** Tells the link's watchdog, if it has one, that the device answered a request. */
    default void exchangeAnswered() {}

    /** Drops whatever has arrived and not been read yet. */
    void discardInput() throws LinkException;

    boolean isOpen();

    @Override
    void close();
}
