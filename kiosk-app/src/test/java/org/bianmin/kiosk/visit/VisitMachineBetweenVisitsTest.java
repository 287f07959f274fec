package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.bianmin.device.DeviceError;
import org.junit.jupiter.api.Test;

/**
 * Work that must never reach a citizen (devices reopened with new settings) runs between visits: at once on an idle
 * kiosk, else when the visit has ended, its print order has finished and no technician holds the kiosk; no visit starts
 * while it runs.
 */
class VisitMachineBetweenVisitsTest {
    private final List<Step> seenByTheWork = new ArrayList<>();

    private CompletableFuture<String> work(VisitScenario k) {
        return k.machine.betweenVisits(() -> {
            seenByTheWork.add(k.view().step());
            return "reopened";
        });
    }

    @Test
    void workOnAnIdleKioskRunsAtOnce() throws Exception {
        VisitScenario k = VisitScenario.aKiosk().started();

        CompletableFuture<String> done = work(k);

        assertEquals("reopened", done.get());
        assertEquals(List.of(Step.IDLE), seenByTheWork);
    }

    @Test
    void workAskedForDuringAVisitWaitsForItsEnd() throws Exception {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, IdentifyMethod.QR_CODE);

        CompletableFuture<String> done = work(k);
        k.when().goesBack();

        assertFalse(done.isDone(), "nothing runs under the citizen");
        k.when().exits();
        assertEquals("reopened", done.get());
        assertEquals(List.of(Step.IDLE), seenByTheWork);
        k.then().visitsEnded(1);
    }

    @Test
    void workWaitsForThePrintOrderOfAVisitThatEndedWhileItWasStillPrinting() throws Exception {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PRINT, IdentifyMethod.QR_CODE);
        // the print watchdog gives up on the order; the citizen leaves while the printers still work on it
        k.when().waits(120).and().exits();
        k.then().step(Step.IDLE);

        CompletableFuture<String> done = work(k);

        assertFalse(done.isDone(), "the printers are still printing the last visit's order");
        k.printing.failLatePrint(DeviceError.TIMEOUT);
        assertEquals("reopened", done.get());
    }

    @Test
    void workWaitsForTheTechnicianToLeaveMaintenance() throws Exception {
        VisitScenario k = VisitScenario.aKiosk().started();
        assertTrue(k.machine.enterMaintenance().join());

        CompletableFuture<String> done = work(k);

        assertFalse(done.isDone(), "the technician's device pages keep their devices");
        k.machine.leaveMaintenance();
        assertEquals("reopened", done.get());
        assertEquals(List.of(Step.IDLE), seenByTheWork);
    }

    @Test
    void aCitizenArrivingWhileTheWorkRunsIsServedRightAfterIt() throws Exception {
        VisitScenario k = VisitScenario.aKiosk().started();

        CompletableFuture<Step> done = k.machine.betweenVisits(() -> {
            k.machine.wake();
            return k.view().step();
        });

        assertEquals(Step.IDLE, done.get(), "no visit starts while the work runs");
        k.then().step(Step.HOME);
    }

    @Test
    void workThatFailsSaysWhy() {
        VisitScenario k = VisitScenario.aKiosk().started();

        CompletableFuture<String> done = k.machine.betweenVisits(() -> {
            throw new IllegalStateException("the receipt printer could not be built");
        });

        ExecutionException e = assertThrows(ExecutionException.class, done::get);
        assertEquals("the receipt printer could not be built", e.getCause().getMessage());
        k.then().step(Step.IDLE);
    }

    @Test
    void workCancelledWhileItWaitsNeverRuns() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.QR_CODE);

        CompletableFuture<String> done = work(k);
        done.cancel(false);
        k.when().exits();

        assertTrue(seenByTheWork.isEmpty());
    }

    @Test
    void closingTheKioskFailsWorkThatHasNotRun() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.QR_CODE);

        CompletableFuture<String> done = work(k);
        k.machine.close();

        ExecutionException e = assertThrows(ExecutionException.class, done::get);
        assertEquals("the kiosk is shutting down", e.getCause().getMessage());
        assertTrue(seenByTheWork.isEmpty());
    }
}
