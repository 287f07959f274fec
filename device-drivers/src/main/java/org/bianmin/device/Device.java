package org.bianmin.device;

import java.util.function.Consumer;

/**
 * The lifecycle, health and statistics every device kind shares. A device is owned by one thread;
 * callers get futures or events, never a half-finished exchange.
 */
public interface Device extends AutoCloseable {
    /** The configured name, e.g. "id-card", "receipt-printer". */
    String name();

    void open() throws DeviceException;

    void enable() throws DeviceException;

    void disable();

    @Override
    void close();

    DeviceState state();

    HealthReport checkHealth(HealthLevel level);

    Statistics statistics();

    /** Events are delivered on the device's own thread; a UI must hop to its own thread. */
    void addListener(Consumer<DeviceEvent> listener);

    void removeListener(Consumer<DeviceEvent> listener);
}
