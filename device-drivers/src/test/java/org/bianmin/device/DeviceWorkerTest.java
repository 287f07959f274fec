package org.bianmin.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeviceWorkerTest {

    @Test
    void operationsRunInOrderAndTypedErrorsReachTheCaller() throws Exception {
        try (DeviceWorker w = new DeviceWorker("t")) {
            StringBuilder order = new StringBuilder();
            CompletableFuture<String> a = w.submit(() -> order.append('a').toString());
            CompletableFuture<String> b = w.submit(() -> order.append('b').toString());
            assertEquals("ab", b.get(2, TimeUnit.SECONDS));
            assertEquals("a", a.get(2, TimeUnit.SECONDS).substring(0, 1));
            CompletableFuture<Void> fail = w.submit(() -> {
                throw new DeviceException(DeviceError.PAPER_OUT, "no paper");
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> fail.get(2, TimeUnit.SECONDS));
            assertEquals(DeviceError.PAPER_OUT, ((DeviceException) e.getCause()).error());
        }
    }

    @Test
    void anUnexpectedExceptionIsWrappedOnceAsInternal() {
        try (DeviceWorker w = new DeviceWorker("t")) {
            CompletableFuture<Object> f = w.submit(() -> {
                throw new IllegalStateException("bug");
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(2, TimeUnit.SECONDS));
            assertEquals(DeviceError.INTERNAL, assertInstanceOf(DeviceException.class, e.getCause()).error());
        }
    }

    @Test
    void closingFailsWhatIsStillQueuedInsteadOfLeavingItHanging() throws Exception {
        DeviceWorker w = new DeviceWorker("t");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        w.submit(() -> {
            running.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        CompletableFuture<String> queued = w.submit(() -> "too late");
        running.await(2, TimeUnit.SECONDS);
        w.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> queued.get(2, TimeUnit.SECONDS));
        assertEquals(DeviceError.LINK_IO, ((DeviceException) e.getCause()).error());
        ExecutionException after = assertThrows(ExecutionException.class, () -> w.submit(() -> "x").get(2, TimeUnit.SECONDS));
        assertInstanceOf(DeviceException.class, after.getCause());
    }
}
