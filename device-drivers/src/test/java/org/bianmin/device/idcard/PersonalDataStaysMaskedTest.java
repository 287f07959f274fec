package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names, numbers, addresses, dates and photos never reach a log line through toString or an error message. */
class PersonalDataStaysMaskedTest {

    @Test
    void aCardReadAndItsEventPrintOnlyMaskedValuesAndSizes() throws DeviceException {
        var fixture = CardFixtures.resident();
        CardRead read = new CardRead(TextBlock.parse(fixture.textBlock()), fixture.photo(), fixture.fingerprints(),
                fixture.appendedAddress(), Instant.parse("2026-01-01T00:00:00Z"));
        String s = new IdCardEvent.CardPlaced("id-card", Instant.EPOCH, read).toString();
        for (String secret : new String[] {"测试用户甲", "110105194910010015", "1949-10-01", "样例路", "新址路"}) {
            assertFalse(s.contains(secret), secret + " leaked into " + s);
        }
        assertEquals("CardRead[ResidentIdCard[name=测***甲, gender=MALE, ethnicGroup=汉, birthDate=1949-**-**, address=(14 chars), "
                + "number=110105********0015, issuingAuthority=示例市公安局虚构分局, validity=2009-10-01–长期], WltPhoto[1024 bytes], "
                + "fingerprints 1024 bytes, appendedAddress (14 chars), at 2026-01-01T00:00:00Z]", read.toString());
    }

    static Stream<Arguments> damagedFields() {
        return Stream.of(
                Arguments.of("resident", "gender", "男"),
                Arguments.of("resident", "ethnic group", "汉族"),
                Arguments.of("resident", "ethnic group", "57"),
                Arguments.of("resident", "birth date", "19491301"),
                Arguments.of("resident", "birth date", "1949-1-1"),
                Arguments.of("resident", "validity start", "2009100"),
                Arguments.of("resident", "validity end", "20380230"),
                Arguments.of("resident", "validity end", "长久"),
                Arguments.of("hmt", "gender", "F"),
                Arguments.of("hmt", "birth date", "19850399"),
                Arguments.of("hmt", "issue count", "1X"),
                Arguments.of("hmt", "issue count", "一"),
                Arguments.of("foreigner-2017", "gender", "女"),
                Arguments.of("foreigner-2017", "birth date", "03/15/85"),
                Arguments.of("foreigner-2023", "gender", "M"),
                Arguments.of("foreigner-2023", "birth date", "199001"));
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("damagedFields")
    void aDamagedFieldIsReportedByNameAndShapeWithoutAnyFieldContent(String fixture, String field, String damaged) throws DeviceException {
        byte[] good = CardFixtures.byName(fixture).textBlock();
        CardType type = TextBlock.parse(good).type();
        TextBlockFields.Field f = TextBlockFields.of(type).stream().filter(x -> x.name().equals(field)).findFirst().orElseThrow();
        byte[] block = f.write(good, damaged);

        DeviceException e = assertThrows(DeviceException.class, () -> TextBlock.parse(block));
        List<String> contents = new ArrayList<>(List.of(damaged));
        for (TextBlockFields.Field other : TextBlockFields.of(type)) {
            String content = TextBlock.text(block, other.offset(), other.length());
            if (content.codePointCount(0, content.length()) >= 3) {
                contents.add(content);
            }
        }
        for (String content : contents) {
            assertFalse(e.getMessage().contains(content), "'" + content + "' leaked into: " + e.getMessage());
        }
        assertEquals(DeviceError.BAD_FRAME, e.error());
        assertTrue(e.getMessage().startsWith(field + " field "), e.getMessage());
    }

    @Test
    void everyCardKindMasksItsNumbers() throws DeviceException {
        for (String name : CardFixtures.names()) {
            Identity id = TextBlock.parse(CardFixtures.byName(name).textBlock());
            assertFalse(id.toString().contains(id.number()), name + ": " + id);
            assertFalse(id.toString().contains(id.name()), name + ": " + id);
        }
    }

    @Test
    void the2023CardMasksItsPreviousEditionNumberLikeItsOwnNumber() {
        PermanentResidenceCard2023 card = new PermanentResidenceCard2023("测试用户丙", "TESTUSER, BRAVO", Gender.FEMALE,
                LocalDate.of(1990, 1, 1), "91312419900101002X", "CAN",
                new Validity(LocalDate.of(2023, 12, 1), Expiry.on(LocalDate.of(2033, 12, 1))), OptionalInt.of(0), "CAN310085031502");
        String s = card.toString();
        assertFalse(s.contains("CAN310085031502"), s);
        assertTrue(s.endsWith(", previousEditionNumber=CAN310*****1502]"), s);
    }

    @Test
    void withoutAVendorLibraryThePhotoDecoderSaysWhatToInstall() {
        DeviceException e = assertThrows(DeviceException.class, () -> WltDecoder.NONE.decode(CardFixtures.hmt().photo()));
        assertEquals(DeviceError.BAD_SETTINGS, e.error());
        assertEquals("no WLT photo decoder is installed; the raw 1024 photo bytes are kept, but showing the photo needs the reader "
                + "vendor's library (e.g. libwlt2bmp.so) configured as the id-card wlt-decoder", e.getMessage());
        assertFalse(WltDecoder.NONE.installed());
    }

    @Test
    void theSamIdDisplaysInTheUsualShape() {
        byte[] raw = Hex.parse("0500 0100 E5D63401 01000000 4E61BC00");
        assertEquals("05.01-20240101-0000000001-0012345678", new SamId(raw).display());
        assertEquals(DeviceError.BAD_LENGTH, assertThrows(DeviceException.class, () -> SamId.parse(new byte[15])).error());
    }
}
