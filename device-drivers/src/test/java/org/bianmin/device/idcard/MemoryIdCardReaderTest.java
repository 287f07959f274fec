package org.bianmin.device.idcard;

import java.nio.file.Path;
import java.util.Optional;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;

/** The contract over an in-memory null modem, the simulator paced at 115200 baud. */
class MemoryIdCardReaderTest extends IdCardReaderContract {

    @Override
    protected Bench bench(Path dir) {
        MemoryLink.Pair pair = MemoryLink.pair("id-card");
        IdCardSimulator sim = new IdCardSimulator(pair.device(), SerialSettings.of(115200), SimOptions.fast()).start();
        return new Bench() {
            @Override
            public SerialLink hostLink() {
                return pair.host();
            }

            @Override
            public Optional<IdCardSimulator> simulator() {
                return Optional.of(sim);
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
