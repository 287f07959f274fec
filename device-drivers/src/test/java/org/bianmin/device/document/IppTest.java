package org.bianmin.device.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

/** The IPP codec against bytes laid out by hand from RFC 8010 §3. */
class IppTest {

    static final String GET_PRINTER_ATTRIBUTES = ""
            // version 1.1, Get-Printer-Attributes, request 1
            + "01 01 00 0b 00 00 00 01 "
            // operation-attributes-tag
            + "01 "
            // charset attributes-charset = utf-8
            + "47 00 12 61 74 74 72 69 62 75 74 65 73 2d 63 68 61 72 73 65 74 00 05 75 74 66 2d 38 "
            // naturalLanguage attributes-natural-language = en
            + "48 00 1b 61 74 74 72 69 62 75 74 65 73 2d 6e 61 74 75 72 61 6c 2d 6c 61 6e 67 75 61 67 65 00 02 65 6e "
            // uri printer-uri = ipp://localhost/printers/P
            + "45 00 0b 70 72 69 6e 74 65 72 2d 75 72 69 00 1a 69 70 70 3a 2f 2f 6c 6f 63 61 6c 68 6f 73 74 2f 70 72 69 6e 74 65 72 73 2f 50 "
            // keyword requested-attributes = printer-state
            + "44 00 14 72 65 71 75 65 73 74 65 64 2d 61 74 74 72 69 62 75 74 65 73 00 0d 70 72 69 6e 74 65 72 2d 73 74 61 74 65 "
            // additional value (empty name): queued-job-count
            + "44 00 00 00 10 71 75 65 75 65 64 2d 6a 6f 62 2d 63 6f 75 6e 74 "
            // end-of-attributes-tag
            + "03";

    // version 1.1, successful-ok, request 7; operation group: charset; printer group:
    // printer-state = 5 (stopped), printer-state-reasons = paused, media-empty-error; printer-is-accepting-jobs = true;
    // printer-state-message (textWithLanguage "zh-CN", "缺纸"); end
    static final String STOPPED_PRINTER = ""
            + "01 01 00 00 00 00 00 07 "
            + "01 47 00 12 61 74 74 72 69 62 75 74 65 73 2d 63 68 61 72 73 65 74 00 05 75 74 66 2d 38 "
            + "04 "
            + "23 00 0d 70 72 69 6e 74 65 72 2d 73 74 61 74 65 00 04 00 00 00 05 "
            + "44 00 15 70 72 69 6e 74 65 72 2d 73 74 61 74 65 2d 72 65 61 73 6f 6e 73 00 06 70 61 75 73 65 64 "
            + "44 00 00 00 11 6d 65 64 69 61 2d 65 6d 70 74 79 2d 65 72 72 6f 72 "
            + "22 00 19 70 72 69 6e 74 65 72 2d 69 73 2d 61 63 63 65 70 74 69 6e 67 2d 6a 6f 62 73 00 01 01 "
            + "35 00 15 70 72 69 6e 74 65 72 2d 73 74 61 74 65 2d 6d 65 73 73 61 67 65 00 0f 00 05 7a 68 2d 43 4e 00 06 e7 bc ba e7 ba b8 "
            + "03";

    @Test
    void aGetPrinterAttributesRequestIsLaidOutAsRfc8010Says() {
        byte[] encoded = new Ipp.Request(Ipp.GET_PRINTER_ATTRIBUTES, 1)
                .string(Ipp.URI, "printer-uri", "ipp://localhost/printers/P")
                .string(Ipp.KEYWORD, "requested-attributes", "printer-state", "queued-job-count")
                .encode();
        assertEquals(GET_PRINTER_ATTRIBUTES.replace(" ", "").toUpperCase(), Hex.of(encoded).replace(" ", ""));
    }

    @Test
    void aChineseJobNameIsSentAsUtf8WithItsByteLength() {
        byte[] encoded = new Ipp.Request(Ipp.GET_JOBS, 2).string(Ipp.NAME, "job-name", "证明").encode();
        // nameWithoutLanguage, name length 8 "job-name", value length 6 (two 3-byte characters)
        byte[] tail = Hex.parse("42 00 08 6a 6f 62 2d 6e 61 6d 65 00 06 e8 af 81 e6 98 8e 03");
        assertArrayEquals(tail, Arrays.copyOfRange(encoded, encoded.length - tail.length, encoded.length));
    }

    @Test
    void aStoppedPrintersReplyIsReadIntoItsAttributes() throws Exception {
        Ipp.Response r = Ipp.decode(Hex.parse(STOPPED_PRINTER));
        assertTrue(r.successful());
        assertEquals(7, r.requestId());
        Ipp.Group p = r.group(Ipp.PRINTER_GROUP).orElseThrow();
        assertEquals(5, p.integer("printer-state").orElseThrow());
        assertEquals(List.of("paused", "media-empty-error"), p.strings("printer-state-reasons"));
        assertTrue(p.get("printer-is-accepting-jobs").orElseThrow().first().asBoolean());
        assertEquals("缺纸", p.string("printer-state-message").orElseThrow());
    }

    @Test
    void anErrorStatusIsNotSuccessful() throws Exception {
        Ipp.Response r = Ipp.decode(Hex.parse("01 01 04 06 00 00 00 03 03"));
        assertFalse(r.successful());
        assertEquals(0x0406, r.status());
    }

    @Test
    void aTruncatedReplyIsATypedErrorThatSaysWhere() {
        byte[] whole = Hex.parse(STOPPED_PRINTER);
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            DeviceException e = assertThrows(DeviceException.class, () -> Ipp.decode(cut), "cut at " + n);
            assertEquals(DeviceError.UNEXPECTED_REPLY, e.error());
        }
    }

    @Test
    void anHttpPageInsteadOfIppIsRefused() {
        DeviceException e = assertThrows(DeviceException.class, () -> Ipp.decode("<!DOCTYPE html><html>".getBytes()));
        assertTrue(e.getMessage().contains("is this an IPP server"), e.getMessage());
    }
}
