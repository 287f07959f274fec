package org.bianmin.device.scanner;

import java.nio.file.Path;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.junit.jupiter.api.io.TempDir;

/** The scanner contract over a socat pty pair, both ends opened through jssc as real serial ports. */
class SocatQrScannerTest extends QrScannerContract {
    @TempDir
    Path dir;

    @Override
    protected Wire wire(SerialSettings settings) throws Exception {
        SocatPty pty = SocatPty.started(dir);
        JsscSerialLink host = JsscSerialLink.open(pty.a(), settings);
        JsscSerialLink device = JsscSerialLink.open(pty.b(), settings);
        return new Wire(host, device, pty);
    }
}
