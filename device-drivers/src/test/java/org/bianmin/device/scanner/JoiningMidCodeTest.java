package org.bianmin.device.scanner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.MemoryLink;
import org.junit.jupiter.api.Test;

/** A port opened while a continuous-mode scanner is half way through sending a code. */
class JoiningMidCodeTest {

    @Test
    void theTailOfACodeAlreadyUnderWayIsDroppedAndTheNextCodeArrivesWhole() throws Exception {
        MemoryLink.Pair p = MemoryLink.pair("mid");
        List<String> codes = new CopyOnWriteArrayList<>();
        // the last bytes of "电子营业执照" arrive just as the port opens
        byte[] whole = "电子营业执照\r".getBytes(StandardCharsets.UTF_8);
        p.device().write(whole, 4, whole.length - 4);
        try (SerialQrScanner scanner = new SerialQrScanner("qr", p.host(), ScannerConfig.of(TriggerProtocol.NONE), Statistics.inMemory())) {
            scanner.addListener(e -> {
                if (e instanceof CodeScanned c) {
                    codes.add(c.code());
                }
            });
            scanner.open();
            scanner.enable();
            await().atMost(Duration.ofSeconds(5)).until(scanner::inStepWithLine);
            p.device().write(whole);
            await().atMost(Duration.ofSeconds(5)).until(() -> !codes.isEmpty());
            assertEquals(List.of("电子营业执照"), codes);
        }
    }
}
