package org.bianmin.config;

import java.util.Objects;

/**
 * The A4 printer. A simulated printer always has a {@link DocumentDestination.Spool}, a real one a
 * {@link DocumentDestination.CupsQueue}.
 *
 * @param destination the CUPS queue, or the simulator's spool directory
 * @param required    whether services that print go out of service while it is down
 * @param simulated   write PDFs into the spool instead of printing
 */
public record DocumentPrinterSettings(DocumentDestination destination, boolean required, boolean simulated) {

    public DocumentPrinterSettings {
        Objects.requireNonNull(destination, "destination");
    }
}
