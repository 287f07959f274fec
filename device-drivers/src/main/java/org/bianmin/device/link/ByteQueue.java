package org.bianmin.device.link;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A growable FIFO of bytes with a blocking, timed read; one direction of an in-memory pipe. */
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
                out[off + i] = buf[(head + i) % buf.length];
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
            head = 0;
            size = 0;
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
