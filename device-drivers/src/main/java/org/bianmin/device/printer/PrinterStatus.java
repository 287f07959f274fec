package org.bianmin.device.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.Hex;

/**
 * What the printer said about itself: the four real-time status bytes ({@code DLE EOT 1..4}) and
 * what they mean. Decode bytes with {@link EscPosStatus#decode(byte[])}, which checks them first.
 *
 * @param printer      DLE EOT 1: bit3 offline, bit5 waiting for online recovery, bit6 feed button pressed
 * @param offlineCause DLE EOT 2: bit2 cover open, bit3 feed by button, bit5 stopped at paper end, bit6 error
 * @param errorCause   DLE EOT 3: bit2 recoverable, bit3 autocutter, bit5 unrecoverable, bit6 auto-recoverable
 * @param paperSensor  DLE EOT 4: bits 2+3 (0x0C) paper near end, bits 5+6 (0x60) paper end
 */
public record PrinterStatus(int printer, int offlineCause, int errorCause, int paperSensor) {
    /** Every byte 0x12: only the fixed bits set. */
    public static final PrinterStatus ALL_CLEAR = new PrinterStatus(0x12, 0x12, 0x12, 0x12);

    public boolean online() {
        return (printer & 0x08) == 0;
    }

    public boolean waitingForRecovery() {
        return (printer & 0x20) != 0;
    }

    public boolean coverOpen() {
        return (offlineCause & 0x04) != 0;
    }

    public boolean errorOccurred() {
        return (offlineCause & 0x40) != 0;
    }

    public boolean paperNearEnd() {
        return (paperSensor & 0x0C) != 0;
    }

    /** The paper sensor reports paper end, or printing stopped because of it. */
    public boolean paperOut() {
        return (paperSensor & 0x60) != 0 || (offlineCause & 0x20) != 0;
    }

    /** A mechanical error the printer recovers from after DLE ENQ (undefined on some Epson models). */
    public boolean recoverableError() {
        return (errorCause & 0x04) != 0;
    }

    public boolean cutterError() {
        return (errorCause & 0x08) != 0;
    }

    public boolean unrecoverableError() {
        return (errorCause & 0x20) != 0;
    }

    /** Head over-temperature or cover opened while printing; clears by itself. */
    public boolean autoRecoverableError() {
        return (errorCause & 0x40) != 0;
    }

    /** Online, paper present, cover shut and no error: a job may start. */
    public boolean ready() {
        return problem().isEmpty();
    }

    /**
     * Why a job may not start, most specific first: cover, paper, cutter, fault, offline. Paper near
     * end is not a problem: the job still prints.
     */
    public Optional<DeviceError> problem() {
        if (coverOpen()) {
            return Optional.of(DeviceError.COVER_OPEN);
        }
        if (paperOut()) {
            return Optional.of(DeviceError.PAPER_OUT);
        }
        if (cutterError()) {
            return Optional.of(DeviceError.CUTTER_ERROR);
        }
        if (unrecoverableError() || recoverableError()) {
            return Optional.of(DeviceError.PRINTER_FAULT);
        }
        if (!online() || autoRecoverableError() || errorOccurred()) {
            return Optional.of(DeviceError.PRINTER_OFFLINE);
        }
        return Optional.empty();
    }

    /** The four bytes as a technician reads them, e.g. "1A 32 12 7E". */
    public String raw() {
        return Hex.of(new byte[] {(byte) printer, (byte) offlineCause, (byte) errorCause, (byte) paperSensor});
    }

    /** "online, paper OK" or "offline: cover open, paper out" — plus the raw bytes. */
    public String summary() {
        List<String> what = new ArrayList<>();
        if (coverOpen()) {
            what.add("cover open");
        }
        if (paperOut()) {
            what.add("paper out");
        } else if (paperNearEnd()) {
            what.add("paper near end");
        }
        if (cutterError()) {
            what.add("cutter error");
        }
        if (recoverableError()) {
            what.add("recoverable error");
        }
        if (unrecoverableError()) {
            what.add("unrecoverable error");
        }
        if (autoRecoverableError()) {
            what.add("auto-recoverable error");
        }
        if (waitingForRecovery()) {
            what.add("waiting for recovery");
        }
        String head = online() ? "online" : "offline";
        String body = what.isEmpty() ? (online() ? ", paper OK" : "") : (online() ? ", " : ": ") + String.join(", ", what);
        return head + body + " [" + raw() + "]";
    }
}
