package org.bianmin.device.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the last N chunks that crossed a link, in both directions, for {@code diag trace} and the
 * maintenance screen's hex trace. Optionally hands each chunk to a live listener too.
 */
public final class TracingLink extends ForwardingLink {

    public enum Direction { TX, RX }

    /** One chunk as it crossed the wire. */
    public record Chunk(Instant at, Direction direction, byte[] data) {
        @Override
        public String toString() {
            return at + " " + (direction == Direction.TX ? "host→dev" : "dev→host") + " " + data.length + " B  " + Hex.of(data);
        }
    }

    private final int capacity;
    private final Deque<Chunk> recent = new ArrayDeque<>();
    private final Consumer<Chunk> live;

    public TracingLink(SerialLink inner, int capacity) {
        this(inner, capacity, c -> {});
    }

    public TracingLink(SerialLink inner, int capacity, Consumer<Chunk> live) {
        super(inner);
        this.capacity = capacity;
        this.live = live;
    }

    private void record(Direction d, byte[] data, int off, int len) {
        Chunk c = new Chunk(Instant.now(), d, Arrays.copyOfRange(data, off, off + len));
        synchronized (recent) {
            recent.addLast(c);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
        live.accept(c);
    }

    /** The last chunks, oldest first. */
    public List<Chunk> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        record(Direction.TX, data, offset, length);
        inner.write(data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        int n = inner.read(buffer, offset, length, timeout);
        if (n > 0) {
            record(Direction.RX, buffer, offset, n);
        }
        return n;
    }
}
