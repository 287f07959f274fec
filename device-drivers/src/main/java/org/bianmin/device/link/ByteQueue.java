package org.bianmin.device.link;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A growable FIFO of bytes with a blocking, timed read; one direction of an in-memory pipe. Bytes
 * handed out are zeroed: an ID card's text block must not linger in the pipe after it was read.
 */
final class ByteQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private byte[] buf = new byte[4096];
    private int head;
    private int size;
    private boolean closed;

    void put(byte[] data, int off, int len) {
        lock.lock();
        try {
            if (size + len > buf.length) {
                byte[] bigger = new byte[Math.max(buf.length * 2, size + len)];
                for (int i = 0; i < size; i++) {
                    bigger[i] = buf[(head + i) % buf.length];
                }
                Arrays.fill(buf, (byte) 0);
                buf = bigger;
                head = 0;
            }
            for (int i = 0; i < len; i++) {
                buf[(head + size + i) % buf.length] = data[off + i];
            }
            size += len;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns bytes read, 0 on timeout, -1 when closed and drained. */
    int take(byte[] out, int off, int len, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (size == 0) {
                if (closed) {
                    return -1;
                }
                if (nanos <= 0) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) {
                int at = (head + i) % buf.length;
                out[off + i] = buf[at];
                buf[at] = 0;
            }
            head = (head + n) % buf.length;
            size -= n;
            return n;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            Arrays.fill(buf, (byte) 0);
            head = 0;
            size = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Whether any byte of the ring is non-zero: what a heap dump of the pipe would show. */
    boolean holdsAnyByte() {
        lock.lock();
        try {
            for (byte b : buf) {
                if (b != 0) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
