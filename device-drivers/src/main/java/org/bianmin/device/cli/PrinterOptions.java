package org.bianmin.device.cli;

import org.bianmin.device.printer.PrinterProfile;

/** Parses --width into a printer profile, with a message that lists the choices. */
final class PrinterOptions {
    private PrinterOptions() {}

    static PrinterProfile profile(int widthMm, boolean rasterQr) {
        PrinterProfile p = switch (widthMm) {
            case 58 -> PrinterProfile.MM58;
            case 80 -> PrinterProfile.MM80;
            default -> throw new IllegalArgumentException("--width " + widthMm + " is not a receipt paper width; use 58 or 80");
        };
        return rasterQr ? p.withName(p.name() + "-raster-qr").withNativeQr(false) : p;
    }
}
