package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamCodecGoldenBytesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "RESET_SAM,              AA AA AA 96 69 00 03 10 FF EC",
            "SAM_STATUS,             AA AA AA 96 69 00 03 11 FF ED",
            "SAM_ID,                 AA AA AA 96 69 00 03 12 FF EE",
            "FIND_CARD,              AA AA AA 96 69 00 03 20 01 22",
            "SELECT_CARD,            AA AA AA 96 69 00 03 20 02 21",
            "READ_TEXT_AND_PHOTO,    AA AA AA 96 69 00 03 30 01 32",
            "READ_APPENDED_ADDRESS,  AA AA AA 96 69 00 03 30 03 30",
            "READ_MID,               AA AA AA 96 69 00 03 30 05 36",
            "READ_WITH_FINGERPRINTS, AA AA AA 96 69 00 03 30 10 23"})
    void everyFixedRequestEncodesToThePrecomputedFrame(SamCommand command, String frame) {
        assertEquals(frame, Hex.of(command.frame()));
    }

    @Test
    void setBaudWithRateCodeZeroIsTheDocumentedFrame() {
        assertEquals("AA AA AA 96 69 00 03 60 00 63", Hex.of(SamCodec.encode(SamCodec.setBaud(0x00))));
    }

    @Test
    void setMaxRfFrameOf80BytesIsTheFrameHevIdcardReaderSends() {
        assertEquals("AA AA AA 96 69 00 04 61 FF 50 CA", Hex.of(SamCodec.encode(SamCodec.setMaxRfFrame(0x50))));
    }

    @Test
    void samStatusReadyReplyIsTheDerivedFrame() {
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", Hex.of(SamCodec.encode(SamReply.of(Sw3.OK))));
    }

    @Test
    void findCardPresentReplyCarriesFourZeroBytes() {
        assertEquals("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", Hex.of(SamCodec.encode(SamReply.of(0x9F, new byte[4]))));
    }

    @Test
    void findCardNoCardReplyHasNoData() {
        assertEquals("AA AA AA 96 69 00 04 00 00 80 84", Hex.of(SamCodec.encode(SamReply.of(Sw3.FIND_FAILED))));
    }

    @Test
    void selectCardReplyCarriesEightZeroBytes() {
        assertEquals("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C",
                Hex.of(SamCodec.encode(SamReply.of(0x90, new byte[8]))));
    }

    @Test
    void noAppendedAddressReplyIsSw3Of91WithoutData() {
        assertEquals("AA AA AA 96 69 00 04 00 00 91 95", Hex.of(SamCodec.encode(SamReply.of(Sw3.NO_CONTENT))));
    }

    @Test
    void readTextAndPhotoReplyIs1295BytesWithTheCapturedHeader() {
        byte[] data = new ReadReply(new byte[256], new WltPhoto(new byte[1024]), new byte[0]).encode(false);
        byte[] frame = SamCodec.encode(SamReply.of(0x90, data));
        assertEquals(1295, frame.length);
        assertEquals("AA AA AA 96 69 05 08 00 00 90 01 00 04 00", Hex.of(frame, 0, 14));
    }

    @Test
    void readWithFingerprintsRepliesAre1297Or1809Or2321Bytes() {
        for (int[] fpAndTotal : new int[][] {{0, 1297}, {512, 1809}, {1024, 2321}}) {
            byte[] data = new ReadReply(new byte[256], new WltPhoto(new byte[1024]), new byte[fpAndTotal[0]]).encode(true);
            assertEquals(fpAndTotal[1], SamCodec.encode(SamReply.of(0x90, data)).length, fpAndTotal[0] + " fingerprint bytes");
        }
    }

    @Test
    void samIdReplyHasLength0x0014AndIs27Bytes() {
        byte[] frame = SamCodec.encode(SamReply.of(0x90, new byte[16]));
        assertEquals(27, frame.length);
        assertEquals("00 14", Hex.of(frame, 5, 2));
    }

    @Test
    void appendedAddressReplyIs70BytesOfUcs2WithAChineseAddress() {
        byte[] data = AppendedAddress.encode("测试省示例市");
        byte[] frame = SamCodec.encode(SamReply.of(0x90, data));
        assertEquals(7 + 3 + 70 + 1, frame.length);
        // 测 = U+6D4B → 4B 6D in UCS-2LE, padding is 20 00
        assertEquals("4B 6D", Hex.of(frame, 10, 2));
        assertEquals("20 00", Hex.of(frame, 10 + 12, 2));
    }

    @Test
    void encoderCountsBytesNotCharactersForAChinesePayload() throws DeviceException {
        byte[] payload = "测试用户甲".getBytes(StandardCharsets.UTF_16LE);
        byte[] frame = SamCodec.encode(SamReply.of(0x90, payload));
        assertEquals(7 + 3 + 10 + 1, frame.length);
        assertEquals(3 + 10 + 1, SamCodec.lengthField(frame[5], frame[6]));
        assertEquals("测试用户甲", new String(SamCodec.decodeReply(frame).data(), StandardCharsets.UTF_16LE));
        byte[] request = SamCodec.encode(new SamRequest(0x61, 0xFF, payload));
        assertEquals(new SamRequest(0x61, 0xFF, payload), SamCodec.decodeRequest(request));
    }

    @Test
    void encoderWritesAnEmptyPayloadAsHeaderStatusAndChecksumOnly() throws DeviceException {
        byte[] frame = SamCodec.encode(SamReply.of(0x90, new byte[0]));
        assertEquals(11, frame.length);
        assertEquals(0, SamCodec.decodeReply(frame).data().length);
        assertEquals(10, SamCodec.encode(new SamRequest(0x11, 0xFF, new byte[0])).length);
    }

    @Test
    void decodingTheCapturedFindReplyGivesSw3Of9F() throws DeviceException {
        SamReply r = SamCodec.decodeReply(Hex.parse("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
        assertEquals(new SamReply(0, 0, 0x9F, new byte[4]), r);
    }

    @Test
    void aReplyWithAWrongChecksumIsATypedChecksumError() {
        DeviceException e = assertThrows(DeviceException.class, () -> SamCodec.decodeReply(Hex.parse("AA AA AA 96 69 00 04 00 00 90 95")));
        assertEquals(DeviceError.CHECKSUM, e.error());
        assertEquals("SAM_V reply checksum is 95, the XOR of its bytes is 94 (line noise or a wrong baud rate?)", e.getMessage());
    }

    @Test
    void aFrameWhoseLengthFieldDisagreesWithItsSizeIsABadLength() {
        DeviceException e = assertThrows(DeviceException.class, () -> SamCodec.decodeReply(Hex.parse("AA AA AA 96 69 00 05 00 00 90 94")));
        assertEquals(DeviceError.BAD_LENGTH, e.error());
    }

    @Test
    void aFrameWithoutThePreambleIsABadFrame() {
        DeviceException e = assertThrows(DeviceException.class, () -> SamCodec.decodeRequest(Hex.parse("AA AA AA 96 68 00 03 11 FF ED")));
        assertEquals(DeviceError.BAD_FRAME, e.error());
    }

    @Test
    void theWrongChecksumsFoundInTheWildAreDetected() {
        // one C test sends find with 21, one firmware sample sends select with 22: both wrong
        byte[] badFind = Hex.parse("AA AA AA 96 69 00 03 20 01 21");
        byte[] badSelect = Hex.parse("AA AA AA 96 69 00 03 20 02 22");
        assertEquals(DeviceError.CHECKSUM, assertThrows(DeviceException.class, () -> SamCodec.decodeRequest(badFind)).error());
        assertEquals(DeviceError.CHECKSUM, assertThrows(DeviceException.class, () -> SamCodec.decodeRequest(badSelect)).error());
    }

    @Test
    void sw3TableHasEveryDocumentedCodeWithChineseAndEnglishMeanings() {
        int[] codes = {0x90, 0x9F, 0x91, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81, 0xFF};
        assertEquals(codes.length, Sw3.values().length);
        for (int c : codes) {
            Sw3 s = Sw3.of(c).orElseThrow();
            assertEquals(c, s.code());
            assertFalse(s.zh().isBlank() || s.en().isBlank(), s.name());
        }
        assertEquals("41 (Reading the card failed)", Sw3.describe(0x41));
        assertEquals("5A (not in the SW3 table)", Sw3.describe(0x5A));
        assertEquals(DeviceError.NO_CARD, Sw3.FIND_FAILED.error().orElseThrow());
        assertEquals(DeviceError.SAM_FAULT, Sw3.SAM_NOT_AUTHORISED.error().orElseThrow());
        assertTrue(Sw3.CARD_FOUND.success());
        assertFalse(Sw3.READ_FAILED.success());
    }

    @Test
    void baudCodesMapTheCommonRatesAndRefuseOthersWithTheList() {
        assertEquals(0x04, BaudCodes.COMMON.codeFor(9600));
        assertEquals(115200, BaudCodes.COMMON.baudFor(0x00).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaudCodes.COMMON.codeFor(4800));
        assertEquals("the reader has no rate code for 4800 baud; configured rates: [9600, 19200, 38400, 57600, 115200]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BaudCodes(Map.of(9600, 1, 19200, 1)));
    }

    @Test
    void requestsAndRepliesPrintWithoutTheirData() {
        byte[] secret = "测试用户甲".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("SamReply[SW 00 00 90 (Operation successful), 10 data bytes]", SamReply.of(0x90, secret).toString());
        assertEquals("SamRequest[20 01]", SamCommand.FIND_CARD.request().toString());
    }
}
