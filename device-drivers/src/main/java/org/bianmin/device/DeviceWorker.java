package org.bianmin.device;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns a device: every exchange with the device runs here, in order, so two
 * callers never interleave frames on the wire. Callers get a {@link CompletableFuture}.
 */
public final class DeviceWorker implements AutoCloseable {

    /** A device operation that may fail with a typed error. */
    @FunctionalInterface
    public interface Operation<T> {
        T run() throws DeviceException;
    }

    private final ExecutorService executor;
    private final String deviceName;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    public DeviceWorker(String deviceName) {
        this.deviceName = deviceName;
        this.executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("device-" + deviceName).factory());
    }

    /**
     * Runs the operation on the device thread. The future fails with the {@link DeviceException}
     * itself; any unexpected exception is wrapped once, here, as {@link DeviceError#INTERNAL}.
     */
    public <T> CompletableFuture<T> submit(Operation<T> op) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pending.add(f);
        f.whenComplete((v, e) -> pending.remove(f));
        if (executor.isShutdown()) {
            f.completeExceptionally(new DeviceException(DeviceError.LINK_IO, deviceName + " is closed"));
            return f;
        }
        try {
            executor.execute(() -> {
                try {
                    f.complete(op.run());
                } catch (DeviceException e) {
                    f.completeExceptionally(e);
                } catch (RuntimeException | LinkageError e) {
                    f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "unexpected " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new DeviceException(DeviceError.LINK_IO, deviceName + " is closed"));
        }
        return f;
    }

    /** Stops the thread; operations not yet finished fail with "closed" rather than never completing. */
    @Override
    public void close() {
        executor.shutdownNow();
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(new DeviceException(DeviceError.LINK_IO, deviceName + " was closed before this finished"));
        }
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
