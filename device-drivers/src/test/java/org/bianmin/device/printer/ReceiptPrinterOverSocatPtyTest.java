package org.bianmin.device.printer;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the simulator behind a socat pty pair, jssc on both ends. */
class ReceiptPrinterOverSocatPtyTest extends ReceiptPrinterContract {
    @TempDir
    Path dir;

    @Override
    protected PrinterRig connect(PrinterProfile profile) throws Exception {
        return PrinterRig.pty(profile, dir);
    }
}
