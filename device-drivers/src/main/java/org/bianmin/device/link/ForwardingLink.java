package org.bianmin.device.link;

import java.time.Duration;

/**
 * A link that passes everything to another link; a decorator overrides only what it changes
 * (pacing, tracing, watching for loss).
 */
public abstract class ForwardingLink implements SerialLink {
    protected final SerialLink inner;

    protected ForwardingLink(SerialLink inner) {
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
        inner.exchangeTimedOut();
    }

    @Override
    public void exchangeAnswered() {
        inner.exchangeAnswered();
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
