package org.bianmin.device.scanner;

import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;

/** The scanner contract: driver and simulator joined by an in-memory null modem. */
class MemoryQrScannerTest extends QrScannerContract {

    @Override
    protected Wire wire(SerialSettings settings) {
        MemoryLink.Pair p = MemoryLink.pair("qr");
        return new Wire(p.host(), p.device(), null);
    }
}
