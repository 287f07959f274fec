package org.bianmin.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one device; a listener that throws is logged and never stops the others. */
public final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();

    public void add(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
    }

    public void remove(Consumer<DeviceEvent> listener) {
        listeners.remove(listener);
    }

    public void fire(DeviceEvent event) {
        for (Consumer<DeviceEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("listener of {} failed on {}", event.device(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
