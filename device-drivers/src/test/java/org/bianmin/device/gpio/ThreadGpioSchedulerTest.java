package org.bianmin.device.gpio;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadGpioSchedulerTest {
    private final GpioScheduler scheduler = GpioScheduler.onOwnThread("test");

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void delayedTasksRunInTimeOrderOnTheSchedulersOwnThreadNoEarlierThanAsked() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        Instant start = scheduler.instant();
        scheduler.schedule(Duration.ofMillis(60), () -> {
            ran.add("late " + scheduler.inSchedulerThread() + " " + !scheduler.instant().isBefore(start.plusMillis(60)));
            done.countDown();
        });
        scheduler.schedule(Duration.ofMillis(20), () -> {
            ran.add("early " + Thread.currentThread().getName());
            done.countDown();
        });
        assertTrue(done.await(3, TimeUnit.SECONDS));
        assertEquals(List.of("early gpio-test", "late true true"), ran);
        assertFalse(scheduler.inSchedulerThread());
    }

    @Test
    void aCancelledTaskNeverRuns() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        scheduler.schedule(Duration.ofMillis(30), () -> ran.add("cancelled")).cancel();
        scheduler.submit(() -> null).get(3, TimeUnit.SECONDS);
        scheduler.schedule(Duration.ofMillis(60), () -> ran.add("kept"));
        await().atMost(Duration.ofSeconds(3)).until(() -> ran.contains("kept"));
        assertEquals(List.of("kept"), ran);
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheThreadAndSubmitReportsItAsInternal() throws Exception {
        scheduler.execute(() -> {
            throw new IllegalStateException("boom");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> scheduler.submit(() -> {
            throw new IllegalStateException("boom again");
        }).get(3, TimeUnit.SECONDS));
        assertEquals(DeviceError.INTERNAL, assertInstanceOf(DeviceException.class, e.getCause()).error());
        assertEquals("still running", scheduler.submit(() -> "still running").get(3, TimeUnit.SECONDS));
    }

    @Test
    void afterCloseSubmitFailsAtOnceInsteadOfHangingAndExecuteIsRejected() {
        scheduler.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> scheduler.submit(() -> "never").get(3, TimeUnit.SECONDS));
        assertEquals("the GPIO thread is closed; build the device again", e.getCause().getMessage());
        assertThrows(RejectedExecutionException.class, () -> scheduler.execute(() -> { }));
    }
}
