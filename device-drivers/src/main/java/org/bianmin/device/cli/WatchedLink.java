package org.bianmin.device.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.ForwardingLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;

/**
 * The serial link of a simulator started from the command line: the first I/O failure (the other
 * end of the cable went away) completes {@link #lost()}, so the console can say so and stop instead
 * of sitting there silently.
 */
final class WatchedLink extends ForwardingLink {
    private final CompletableFuture<LinkException> lost = new CompletableFuture<>();

    WatchedLink(SerialLink inner) {
        super(inner);
    }

    CompletableFuture<LinkException> lost() {
        return lost;
    }

    private LinkException note(LinkException e) {
        if (e.error() == DeviceError.LINK_IO || e.error() == DeviceError.DISCONNECTED) {
            lost.complete(e);
        }
        return e;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        try {
            inner.write(data, offset, length);
        } catch (LinkException e) {
            throw note(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        try {
            return inner.read(buffer, offset, length, timeout);
        } catch (LinkException e) {
            throw note(e);
        }
    }

    @Override
    public void discardInput() throws LinkException {
        try {
            inner.discardInput();
        } catch (LinkException e) {
            throw note(e);
        }
    }
}
