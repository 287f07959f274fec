package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceWorker;

/**
 * The one thread that owns a GPIO device, and its clock: tasks run in order, now or after a delay,
 * so blinking, hold times, debouncing and relay pulses never block a caller.
 *
 * <p>Production uses {@link #onOwnThread(String)}; tests pass a hand-driven scheduler whose clock only
 * moves when the test says so.
 */
public interface GpioScheduler extends InstantSource, AutoCloseable {

    /** A scheduled task that can be called off; cancelling a task that already ran does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /**
     * Runs the task on the scheduler's thread as soon as possible.
     *
     * @throws RejectedExecutionException when the scheduler is closed
     */
    void execute(Runnable task);

    /**
     * Runs the task on the scheduler's thread once {@code delay} has passed on this scheduler's clock.
     *
     * @throws RejectedExecutionException when the scheduler is closed
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** True when called from the scheduler's own thread (so waiting for a task would deadlock). */
    boolean inSchedulerThread();

    /** Stops the thread; tasks not yet run are dropped. */
    @Override
    void close();

    /**
     * Runs the operation on the scheduler's thread. The future fails with the {@link DeviceException}
     * itself; an unexpected exception is wrapped once, here, as {@link DeviceError#INTERNAL}.
     */
    default <T> CompletableFuture<T> submit(DeviceWorker.Operation<T> op) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            execute(() -> {
                try {
                    f.complete(op.run());
                } catch (DeviceException e) {
                    f.completeExceptionally(e);
                } catch (RuntimeException e) {
                    f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "unexpected " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "the GPIO thread is closed; build the device again", e));
        }
        return f;
    }

    /** A scheduler on a virtual thread of its own, with a monotonic clock (immune to wall-clock jumps). */
    static GpioScheduler onOwnThread(String name) {
        return new ThreadGpioScheduler(name);
    }
}
