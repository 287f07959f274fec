package org.bianmin.device.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/** Waits for a device future and gives back its value or its typed error. */
final class Futures {
    private Futures() {}

    static <T> T await(CompletableFuture<T> f, Duration timeout, String what) throws DeviceException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException d) {
                throw d;
            }
            throw new DeviceException(DeviceError.INTERNAL, what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new DeviceException(DeviceError.TIMEOUT, what + " did not finish within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.INTERNAL, what + " was interrupted");
        }
    }
}
