package org.bianmin.device.link;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchdog around a link. jssc has no unplug event, so an I/O error or
 * {@code timeoutsBeforeDisconnect} unanswered requests in a row count as a lost link: it fires
 * {@link DeviceEvent.Disconnected}, reopens with exponential backoff on its own thread, then fires
 * {@link DeviceEvent.Reconnected}. While down, every call fails at once with
 * {@link DeviceError#DISCONNECTED} instead of waiting for a timeout.
 */
public final class ReconnectingLink implements SerialLink {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingLink.class);

    /** Opens the underlying link; called again after every loss. */
    @FunctionalInterface
    public interface Opener {
        SerialLink open() throws LinkException;
    }

    /** How many timeouts make a loss, and how the reopen attempts are spaced. */
    public record Policy(int timeoutsBeforeDisconnect, Duration firstBackoff, Duration maxBackoff) {
        public static final Policy DEFAULT = new Policy(3, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    private final String device;
    private final String portName;
    private final Opener opener;
    private final Policy policy;
    private final Consumer<DeviceEvent> events;
    private final AtomicInteger timeoutsInARow = new AtomicInteger();
    private final Object lock = new Object();
    private SerialLink current;
    private Thread reconnector;
    private volatile boolean closed;

    public ReconnectingLink(String device, String portName, Opener opener, Policy policy, Consumer<DeviceEvent> events) {
        this.device = device;
        this.portName = portName;
        this.opener = opener;
        this.policy = policy;
        this.events = events;
    }

    /** Opens the link the first time; a failure here is reported to the caller, not retried. */
    public void open() throws LinkException {
        SerialLink l = opener.open();
        synchronized (lock) {
            current = l;
        }
    }

    public boolean isConnected() {
        synchronized (lock) {
            return current != null;
        }
    }

    private SerialLink link() throws LinkException {
        synchronized (lock) {
            if (closed) {
                throw new LinkException(DeviceError.LINK_IO, portName + " is closed");
            }
            if (current == null) {
                throw new LinkException(DeviceError.DISCONNECTED, portName + " is disconnected; reconnecting");
            }
            return current;
        }
    }

    @Override
    public String name() {
        return portName;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        SerialLink l = link();
        try {
            l.write(data, offset, length);
        } catch (LinkException e) {
            lost(l, e);
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        SerialLink l = link();
        try {
            return l.read(buffer, offset, length, timeout);
        } catch (LinkException e) {
            lost(l, e);
            throw e;
        }
    }

    @Override
    public void exchangeTimedOut() {
        int n = timeoutsInARow.incrementAndGet();
        if (n >= policy.timeoutsBeforeDisconnect()) {
            SerialLink l;
            synchronized (lock) {
                l = current;
            }
            if (l != null) {
                lost(l, new LinkException(DeviceError.TIMEOUT, n + " requests in a row went unanswered"));
            }
        }
    }

    @Override
    public void exchangeAnswered() {
        timeoutsInARow.set(0);
    }

    @Override
    public void discardInput() throws LinkException {
        SerialLink l = link();
        try {
            l.discardInput();
        } catch (LinkException e) {
            lost(l, e);
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    private void lost(SerialLink failed, LinkException cause) {
        if (Thread.currentThread().isInterrupted()) {
            return; // the caller is being shut down; the link itself is fine
        }
        synchronized (lock) {
            if (current != failed || closed) {
                return; // already handled, or closing on purpose
            }
            current = null;
            timeoutsInARow.set(0);
            failed.close();
        }
        log.warn("{} on {} lost: {}", device, portName, cause.technicianLine());
        // Disconnected is delivered before any reconnect can start, so a listener never sees them out of order
        events.accept(new DeviceEvent.Disconnected(device, Instant.now(), cause.error(), cause.getMessage()));
        synchronized (lock) {
            if (!closed) {
                reconnector = Thread.ofVirtual().name("reconnect-" + device).start(this::reconnectLoop);
            }
        }
    }

    private void reconnectLoop() {
        Duration wait = policy.firstBackoff();
        int attempts = 0;
        while (!closed) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            attempts++;
            try {
                SerialLink l = opener.open();
                synchronized (lock) {
                    if (closed) {
                        l.close();
                        return;
                    }
                    current = l;
                }
                log.info("{} on {} reconnected after {} attempt(s)", device, portName, attempts);
                events.accept(new DeviceEvent.Reconnected(device, Instant.now(), attempts));
                return;
            } catch (LinkException e) {
                log.debug("{}: reopen attempt {} failed: {}", device, attempts, e.getMessage());
                wait = wait.multipliedBy(2).compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : wait.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        Thread r;
        SerialLink l;
        synchronized (lock) {
            closed = true;
            r = reconnector;
            l = current;
            current = null;
        }
        if (r != null) {
            r.interrupt();
        }
        if (l != null) {
            l.close();
        }
    }
}
