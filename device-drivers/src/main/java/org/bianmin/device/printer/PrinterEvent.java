package org.bianmin.device.printer;

import java.time.Instant;
import org.bianmin.device.DeviceEvent;

/**
 * What a printer reports on its own, seen when its status is read: paper low or out, cover open, and
 * each clearing. The receipt printer polls for them; the A4 printer reports them around its jobs.
 */
public sealed interface PrinterEvent extends DeviceEvent {

    /** The conditions that come and go. */
    enum Condition { PAPER_LOW, PAPER_OUT, COVER_OPEN }

    /** The near-end sensor sees little paper left; jobs still print. */
    record PaperLow(String device, Instant at) implements PrinterEvent {}

    /** The paper ran out; jobs are refused until it is loaded. */
    record PaperOut(String device, Instant at) implements PrinterEvent {}

    /** The cover is open; jobs are refused until it is shut. */
    record CoverOpen(String device, Instant at) implements PrinterEvent {}

    /** A condition reported earlier is gone (paper loaded, cover shut). */
    record Cleared(String device, Instant at, Condition condition) implements PrinterEvent {}
}
