package org.bianmin.device.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.document.DocumentPrinterStatus.State;
import org.junit.jupiter.api.Test;

/** From CUPS's printer-state, printer-state-reasons and printer-is-accepting-jobs to the error a citizen sees. */
class DocumentPrinterStatusTest {

    static Optional<DeviceError> problem(State state, boolean accepting, String... reasons) {
        return new DocumentPrinterStatus(state, accepting, List.of(reasons), 0, "").problem();
    }

    @Test
    void anIdleAcceptingQueueWithNoReasonsIsReady() {
        assertEquals(Optional.empty(), problem(State.IDLE, true, "none"));
        assertEquals(Optional.empty(), problem(State.PROCESSING, true));
    }

    @Test
    void mediaEmptyIsPaperOutEvenBeforeTheQueueStops() {
        assertEquals(Optional.of(DeviceError.PAPER_OUT), problem(State.STOPPED, true, "media-empty-error"));
        assertEquals(Optional.of(DeviceError.PAPER_OUT), problem(State.PROCESSING, true, "media-needed"));
    }

    @Test
    void paperLowIsAWarningThatDoesNotStopAJob() {
        DocumentPrinterStatus s = new DocumentPrinterStatus(State.IDLE, true, List.of("media-low-warning"), 0, "");
        assertTrue(s.ready());
        assertTrue(s.paperLow());
    }

    @Test
    void aCoverOrDoorOpenIsCoverOpen() {
        assertEquals(Optional.of(DeviceError.COVER_OPEN), problem(State.STOPPED, true, "door-open-error"));
    }

    @Test
    void aDisabledQueueIsOfflineAndARejectingQueueToo() {
        // cupsdisable: stopped, paused; cupsreject: not accepting
        assertEquals(Optional.of(DeviceError.PRINTER_OFFLINE), problem(State.STOPPED, true, "paused"));
        assertEquals(Optional.of(DeviceError.PRINTER_OFFLINE), problem(State.IDLE, false));
        assertEquals(Optional.of(DeviceError.PRINTER_OFFLINE), problem(State.STOPPED, true));
    }

    @Test
    void aPrinterTheBackendCannotReachIsOfflineEvenAsAReport() {
        assertEquals(Optional.of(DeviceError.PRINTER_OFFLINE), problem(State.PROCESSING, true, "offline-report"));
    }

    @Test
    void anyOtherErrorIsAFaultWhileCupsWarningsAreNot() {
        assertEquals(Optional.of(DeviceError.PRINTER_FAULT), problem(State.STOPPED, true, "media-jam-error"));
        assertEquals(Optional.of(DeviceError.PRINTER_FAULT), problem(State.STOPPED, true, "cups-missing-filter-error"));
        assertEquals(Optional.empty(), problem(State.IDLE, true, "cups-insecure-filter-warning"));
    }

    @Test
    void theSummarySaysStateAcceptanceQueueAndReasons() {
        DocumentPrinterStatus s = new DocumentPrinterStatus(State.STOPPED, true, List.of("paused"), 1, "Paused");
        assertEquals("stopped, accepting jobs, 1 queued: paused (Paused)", s.summary());
        assertFalse(s.ready());
    }
}
