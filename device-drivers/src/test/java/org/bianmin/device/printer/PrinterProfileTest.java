package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrinterProfileTest {

    @Test
    void theTwoWidthsHaveTheirDotsColumnsAndCutters() {
        assertEquals(PrinterProfile.MM58, PrinterProfile.ofWidth(58));
        assertEquals(384, PrinterProfile.MM58.dots());
        assertEquals(32, PrinterProfile.MM58.columns());
        assertEquals(48, PrinterProfile.MM58.bytesPerRow());
        assertFalse(PrinterProfile.MM58.hasCutter());
        assertEquals(576, PrinterProfile.ofWidth(80).dots());
        assertEquals(48, PrinterProfile.MM80.columns());
        assertEquals(72, PrinterProfile.MM80.bytesPerRow());
        assertTrue(PrinterProfile.MM80.hasCutter());
        assertEquals(12, PrinterProfile.MM80.dotsPerColumn());
    }

    @Test
    void theCloneWithoutGsParenKDrawsQrCodesAsRasters() {
        assertFalse(PrinterProfile.MM58_NO_NATIVE_QR.nativeQr());
        assertEquals("58mm-raster-qr: 384 dots, 32 columns, no cutter, raster QR, bands of 128 rows", PrinterProfile.MM58_NO_NATIVE_QR.summary());
    }

    @Test
    void anUnknownWidthOrBadShapeIsRefusedWithWhatToUse() {
        assertEquals("paper width 76 mm is not known; use 58 or 80",
                assertThrows(IllegalArgumentException.class, () -> PrinterProfile.ofWidth(76)).getMessage());
        assertEquals("printer profile x: 380 dots per line must be a multiple of 8 up to 2040 (384 for 58 mm, 576 for 80 mm)",
                assertThrows(IllegalArgumentException.class,
                        () -> new PrinterProfile("x", 58, 380, 32, PrinterProfile.CutCommand.NONE, 0, 4, true, 128)).getMessage());
        assertEquals("printer profile 80mm: raster band of 0 rows is out of range; use 24..256 (at most 2303)",
                assertThrows(IllegalArgumentException.class, () -> PrinterProfile.MM80.withRasterBandRows(0)).getMessage());
    }
}
