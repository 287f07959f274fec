package org.bianmin.device.idcard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;

/** A link that counts what the driver tells the watchdog: unanswered and answered exchanges. */
final class WatchedLink implements SerialLink {
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    private final SerialLink inner;

    WatchedLink(SerialLink inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        inner.write(data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        return inner.read(buffer, offset, length, timeout);
    }

    @Override
    public void exchangeTimedOut() {
        timedOut.incrementAndGet();
    }

    @Override
    public void exchangeAnswered() {
        answered.incrementAndGet();
    }

    @Override
    public void discardInput() throws LinkException {
        inner.discardInput();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }
}
