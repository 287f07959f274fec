package org.bianmin.device.idcard;

import java.nio.file.Path;
import java.util.Optional;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;

/** The contract over a socat pty pair with real jssc ports on both ends. */
class SocatPtyIdCardReaderTest extends IdCardReaderContract {
    private static final SerialSettings SETTINGS = SerialSettings.of(115200);

    @Override
    protected Bench bench(Path dir) throws Exception {
        SocatPty pty = SocatPty.started(dir);
        JsscSerialLink deviceEnd = JsscSerialLink.open(pty.b(), SETTINGS);
        IdCardSimulator sim = new IdCardSimulator(deviceEnd, SETTINGS, SimOptions.fast()).start();
        return new Bench() {
            @Override
            public SerialLink hostLink() throws Exception {
                return JsscSerialLink.open(pty.a(), SETTINGS);
            }

            @Override
            public Optional<IdCardSimulator> simulator() {
                return Optional.of(sim);
            }

            @Override
            public void close() {
                sim.close();
                pty.kill();
            }
        };
    }
}
