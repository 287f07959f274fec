package org.bianmin.device.printer;

/** The contract against the simulator over an in-memory pipe. */
class ReceiptPrinterOverMemoryTest extends ReceiptPrinterContract {
    @Override
    protected PrinterRig connect(PrinterProfile profile) {
        return PrinterRig.memory(profile);
    }
}
