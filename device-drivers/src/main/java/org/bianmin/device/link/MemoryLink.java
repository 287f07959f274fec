package org.bianmin.device.link;

import java.time.Duration;
import org.bianmin.device.DeviceError;

/**
 * One end of an in-memory null-modem cable: what one end writes, the other reads. Used to run a
 * driver against a simulator in unit tests and in the demo without any OS serial port.
 */
public final class MemoryLink implements SerialLink {
    private final String name;
    private final ByteQueue in;
    private final ByteQueue out;
    private volatile boolean open = true;

    private MemoryLink(String name, ByteQueue in, ByteQueue out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** Two connected ends; closing either one makes the other see the link closed. */
    public record Pair(MemoryLink host, MemoryLink device) {}

    public static Pair pair(String name) {
        ByteQueue toDevice = new ByteQueue();
        ByteQueue toHost = new ByteQueue();
        return new Pair(new MemoryLink("mem:" + name + "/host", toHost, toDevice),
                new MemoryLink("mem:" + name + "/device", toDevice, toHost));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        if (!open) {
            throw new LinkException(DeviceError.LINK_IO, name + " is closed");
        }
        out.put(data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        if (!open) {
            throw new LinkException(DeviceError.LINK_IO, name + " is closed");
        }
        try {
            int n = in.take(buffer, offset, length, timeout);
            if (n < 0) {
                throw new LinkException(DeviceError.LINK_IO, name + ": the other end closed the link");
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(DeviceError.LINK_IO, name + ": interrupted while reading");
        }
    }

    @Override
    public void discardInput() {
        in.clear();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        in.close();
        out.close();
    }
}
