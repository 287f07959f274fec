package org.bianmin.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.idcard.sim.CardFixture;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace sitting in the cable shows the protocol, never the card holder. */
class TraceMasksCardDataTest {
    @TempDir
    Path dir;

    @Test
    void forwardingTraceOfACardReadShowsFrameHeadersButNoCardText() throws Exception {
        CardFixture card = CardFixtures.resident();
        SerialSettings s = SerialSettings.of(115200);
        try (SocatPty toReader = SocatPty.started(dir.resolve("reader"));
             SocatPty toKiosk = SocatPty.started(dir.resolve("kiosk"));
             IdCardSimulator sim = new IdCardSimulator(JsscSerialLink.open(toReader.a(), s), s,
                     IdCardSimulator.Options.defaults().withTiming(IdCardSimulator.Timing.FAST))) {
            sim.start();
            sim.placeCard(card);
            CompletableFuture<CliRun> trace = CompletableFuture.supplyAsync(() -> CliRun.of("diag", "trace", "--port", toReader.b(),
                    "--baud", "115200", "--to", toKiosk.a(), "--seconds", "4"));
            CliRun read = null;
            for (int attempt = 0; attempt < 20 && (read == null || read.exit() != ExitCodes.OK); attempt++) {
                read = CliRun.of("diag", "read-card", "--port", toKiosk.b());
            }
            assertEquals(ExitCodes.OK, read.exit(), read.toString());
            CliRun t = trace.get(20, TimeUnit.SECONDS);
            assertEquals(ExitCodes.OK, t.exit(), t.toString());
            assertTrue(t.out().contains("AA AA AA 96 69 00 03 30 01 32"), "the read request is shown: " + t.out());
            assertTrue(t.out().contains("more bytes not shown"), t.out());
            String firstNameChar = Hex.of(card.textBlock(), 0, 2);
            assertFalse(t.out().contains(firstNameChar), "no byte of the name may be shown: " + t.out());
        }
    }
}
