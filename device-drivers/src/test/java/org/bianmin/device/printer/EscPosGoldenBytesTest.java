package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

/** Every fixed sequence of PROTOCOLS.md §2, byte for byte. */
class EscPosGoldenBytesTest {

    private static void assertBytes(String hex, byte[] actual) {
        assertEquals(hex, Hex.of(actual));
    }

    @Test
    void initialiseIsEscAt() {
        assertBytes("1B 40", EscPos.initialise());
    }

    @Test
    void chineseModeIsSwitchedByFsAmpersandAndFsDot() {
        assertBytes("1C 26", EscPos.chineseModeOn());
        assertBytes("1C 2E", EscPos.chineseModeOff());
        assertBytes("1B 74 10", EscPos.codePage(16));
    }

    @Test
    void alignmentBoldAndSizeCommandsCarryTheirParameter() {
        assertBytes("1B 61 00", EscPos.align(Align.LEFT));
        assertBytes("1B 61 01", EscPos.align(Align.CENTRE));
        assertBytes("1B 61 02", EscPos.align(Align.RIGHT));
        assertBytes("1B 45 01", EscPos.bold(true));
        assertBytes("1B 45 00", EscPos.bold(false));
        assertBytes("1D 21 11", EscPos.characterSize(2, 2));
        assertBytes("1D 21 10", EscPos.characterSize(2, 1));
        assertBytes("1D 21 01", EscPos.characterSize(1, 2));
        assertBytes("1D 21 00", EscPos.characterSize(1, 1));
        assertBytes("1B 21 38", EscPos.printMode(true, true, true));
        assertBytes("1B 21 00", EscPos.printMode(false, false, false));
        assertBytes("1C 21 0C", EscPos.chinesePrintMode(true, true));
        assertBytes("1B 64 03", EscPos.feedLines(3));
    }

    @Test
    void qrModelSizeLevelAndPrintAreFixedFrames() {
        assertBytes("1D 28 6B 04 00 31 41 32 00", EscPos.qrModel(0x32));
        assertBytes("1D 28 6B 03 00 31 43 06", EscPos.qrModuleSize(6));
        assertBytes("1D 28 6B 03 00 31 45 30", EscPos.qrErrorLevel(QrErrorLevel.L));
        assertBytes("1D 28 6B 03 00 31 45 31", EscPos.qrErrorLevel(QrErrorLevel.M));
        assertBytes("1D 28 6B 03 00 31 45 32", EscPos.qrErrorLevel(QrErrorLevel.Q));
        assertBytes("1D 28 6B 03 00 31 45 33", EscPos.qrErrorLevel(QrErrorLevel.H));
        assertBytes("1D 28 6B 03 00 31 51 30", EscPos.qrPrint());
    }

    @Test
    void qrStoreCountsTheUtf8BytesOfAChinesePayloadNotItsCharacters() {
        // 便 = E4 BE BF, 民 = E6 B0 91: 2 characters, 6 bytes, pL = 6 + 3
        assertBytes("1D 28 6B 09 00 31 50 30 E4 BE BF E6 B0 91", EscPos.qrStore("便民".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void qrStoreOfAnEmptyPayloadCountsOnlyTheThreeHeaderBytes() {
        assertBytes("1D 28 6B 03 00 31 50 30", EscPos.qrStore(new byte[0]));
    }

    @Test
    void qrStoreOfALongPayloadCarriesTheHighLengthByte() {
        byte[] stored = EscPos.qrStore(new byte[300]);
        // 300 + 3 = 0x012F
        assertBytes("1D 28 6B 2F 01 31 50 30", java.util.Arrays.copyOf(stored, 8));
        assertEquals(308, stored.length);
    }

    @Test
    void qrStoreRefusesMoreThanAQrCodeHolds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EscPos.qrStore(new byte[7090]));
        assertEquals("QR payload is 7090 bytes; GS ( k takes at most 7089", e.getMessage());
    }

    @Test
    void rasterHeaderGivesBytesPerRowThenRows() {
        assertBytes("1D 76 30 00 30 00 18 00", EscPos.rasterHeader(48, 24));
        assertBytes("1D 76 30 00 48 00 00 01", EscPos.rasterHeader(72, 256));
    }

    @Test
    void cutsFollowTheEpsonAndLegacyForms() {
        assertBytes("1D 56 42 03", EscPos.feedAndCut(true, 3));
        assertBytes("1D 56 41 00", EscPos.feedAndCut(false, 0));
        assertBytes("1D 56 00", EscPos.cut(false));
        assertBytes("1D 56 01", EscPos.cut(true));
        assertBytes("1B 69", EscPos.legacyCut(false));
        assertBytes("1B 6D", EscPos.legacyCut(true));
    }

    @Test
    void realTimeStatusAndRecoveryRequests() {
        assertBytes("10 04 01", EscPos.statusRequest(1));
        assertBytes("10 04 02", EscPos.statusRequest(2));
        assertBytes("10 04 03", EscPos.statusRequest(3));
        assertBytes("10 04 04", EscPos.statusRequest(4));
        assertBytes("10 05 01", EscPos.recover(1));
        assertBytes("10 05 02", EscPos.recover(2));
    }

    @Test
    void parametersOutOfRangeAreRefusedWithTheRange() {
        assertEquals("DLE EOT 5 does not exist; use 1..4",
                assertThrows(IllegalArgumentException.class, () -> EscPos.statusRequest(5)).getMessage());
        assertEquals("QR module size 17 dots is out of range; use 1..16",
                assertThrows(IllegalArgumentException.class, () -> EscPos.qrModuleSize(17)).getMessage());
        assertEquals("feed lines 256 does not fit in one byte; use 0..255",
                assertThrows(IllegalArgumentException.class, () -> EscPos.feedLines(256)).getMessage());
    }
}
