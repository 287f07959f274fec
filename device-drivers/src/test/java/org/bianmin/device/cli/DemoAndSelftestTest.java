package org.bianmin.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.device.PersonalData;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.TextBlock;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two commands a newcomer and a technician run first: the demo visit and the self-test. */
class DemoAndSelftestTest {
    @TempDir
    Path dir;

    @Test
    void theDemoVisitCompletesAndLeavesAReceiptWithTheHolderMasked() throws Exception {
        Identity holder = TextBlock.parse(CardFixtures.resident().textBlock());
        CliRun r = CliRun.of("demo", "--out", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.toString());
        assertTrue(r.out().contains("demo finished: every step completed"), r.out());
        Path txt = dir.resolve("receipts/receipt-001.txt");
        assertTrue(Files.exists(txt) && Files.exists(dir.resolve("receipts/receipt-001.png")));
        String receipt = Files.readString(txt, StandardCharsets.UTF_8);
        assertTrue(receipt.contains("社保参保证明打印"), receipt);
        assertTrue(receipt.contains(PersonalData.maskIdNumber(holder.number())), receipt);
        assertFalse(receipt.contains(holder.number()), "the receipt must not carry the full ID number");
        assertFalse(r.out().contains(holder.number()) || r.out().contains(holder.name()), "the terminal must not show the holder in full");
    }

    @Test
    void theSelftestPassesEveryCheckAgainstTheSimulatorsOverPtys() {
        CliRun r = CliRun.of("diag", "selftest", "--sim", "--pty", "--json");
        assertEquals(ExitCodes.OK, r.exit(), r.toString());
        assertTrue(r.out().startsWith("{\"ok\":true,\"wiring\":\"pty\""), r.out());
        assertFalse(r.out().contains("\"result\":\"FAIL\""), r.out());
    }
}
