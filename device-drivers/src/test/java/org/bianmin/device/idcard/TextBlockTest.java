package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class TextBlockTest {

    private static byte[] residentBlock() {
        return new BlockBuilder().at(0, "测试用户甲").at(30, "1").at(32, "01").at(36, "19491001").at(52, "测试省示例市虚构区样例路1号")
                .at(122, "110105194910010015").at(158, "示例市公安局虚构分局").at(188, "20091001").at(204, "长期").build();
    }

    @Test
    void aResidentCardBlockWithSpaceAt248ParsesEveryField() throws DeviceException {
        ResidentIdCard r = (ResidentIdCard) TextBlock.parse(residentBlock());
        assertEquals(new ResidentIdCard("测试用户甲", Gender.MALE, EthnicGroup.HAN, LocalDate.of(1949, 10, 1), "测试省示例市虚构区样例路1号",
                "110105194910010015", "示例市公安局虚构分局", new Validity(LocalDate.of(2009, 10, 1), Expiry.LONG_TERM)), r);
        assertTrue(r.validity().until().isLongTerm());
        assertTrue(r.numberPassesCheck());
    }

    @Test
    void aDatedExpiryIsADateAndLongTermIsADistinctValue() throws DeviceException {
        byte[] dated = new BlockBuilder().at(0, "测试用户甲").at(30, "2").at(32, "46").at(36, "19880808").at(122, "110105198808080023")
                .at(188, "20180808").at(204, "20380808").build();
        ResidentIdCard r = (ResidentIdCard) TextBlock.parse(dated);
        assertEquals(Expiry.on(LocalDate.of(2038, 8, 8)), r.validity().until());
        assertFalse(r.validity().until().isLongTerm());
        assertEquals("德昂", r.ethnicGroup().zh());
        assertTrue(r.validity().validOn(LocalDate.of(2038, 8, 8)));
        assertFalse(r.validity().validOn(LocalDate.of(2038, 8, 9)));
        assertTrue(new Validity(LocalDate.of(2009, 10, 1), Expiry.LONG_TERM).validOn(LocalDate.of(2999, 1, 1)));
    }

    @Test
    void aForeignPermanentResidenceCard2017WithIAt248ParsesItsOwnLayout() throws DeviceException {
        byte[] b = new BlockBuilder().at(0, "TESTUSER, ALPHA EXAMPLE").at(120, "2").at(122, "CAN310085031502").at(152, "CAN")
                .at(158, "测试用户乙").at(188, "20170601").at(204, "20270601").at(220, "19850315").at(236, "10").at(240, "3100")
                .at(248, "I").build();
        PermanentResidenceCard2017 f = (PermanentResidenceCard2017) TextBlock.parse(b);
        assertEquals(new PermanentResidenceCard2017("TESTUSER, ALPHA EXAMPLE", "测试用户乙", Gender.FEMALE, LocalDate.of(1985, 3, 15),
                "CAN310085031502", "CAN", new Validity(LocalDate.of(2017, 6, 1), Expiry.on(LocalDate.of(2027, 6, 1))), "10", "3100"), f);
        assertEquals("测试用户乙", f.name());
        assertTrue(f.numberPassesCheck());
    }

    @Test
    void aForeignPermanentResidenceCard2023WithYAt248JoinsItsEnglishNameAcrossSlots() throws DeviceException {
        String english = "TESTUSER, BRAVO EXAMPLE SYNTHETIC FIXTURE PERSON";
        byte[] b = new BlockBuilder().at(0, "测试用户丙").at(30, "2").at(32, "00").at(36, "19900101").at(52, english.substring(0, 35))
                .at(122, "91312419900101002X").at(158, english.substring(35)).at(188, "20231201").at(204, "20331201")
                .at(242, "CAN").at(248, "Y").at(250, "000").build();
        PermanentResidenceCard2023 f = (PermanentResidenceCard2023) TextBlock.parse(b);
        assertEquals(english, f.englishName());
        assertEquals(OptionalInt.of(0), f.renewalCount());
        assertEquals("CAN", f.nationality());
        assertEquals("124", f.nationalityDigits());
        assertEquals("000", f.previousEditionNumber());
        assertTrue(f.numberPassesCheck());
    }

    @Test
    void the2023CardsUnconfirmedSlotsAreReadTolerantly() throws DeviceException {
        byte[] b = new BlockBuilder().at(0, "测试用户丙").at(30, "1").at(32, "汉?").at(36, "19850101").at(52, "SHORT NAME")
                .at(122, "932682198501010017").at(158, "reserved").at(188, "20231201").at(204, "20331201").at(248, "Y").build();
        PermanentResidenceCard2023 f = (PermanentResidenceCard2023) TextBlock.parse(b);
        assertEquals("SHORT NAME", f.englishName());
        assertEquals(OptionalInt.empty(), f.renewalCount());
        assertEquals("", f.nationality());
    }

    @Test
    void aResidencePermitWithJAt248ParsesPermitNumberAndIssueCount() throws DeviceException {
        byte[] b = new BlockBuilder().at(0, "测试用户丁").at(30, "2").at(36, "19850315").at(52, "测试省示例市虚构区居住路3号")
                .at(122, "830000198503150029").at(158, "示例市公安局").at(188, "20190101").at(204, "20290101")
                .at(220, "12345678").at(238, "01").at(248, "J").build();
        ResidencePermit p = (ResidencePermit) TextBlock.parse(b);
        assertEquals("12345678", p.travelPermitNumber());
        assertEquals(1, p.issueCount());
        assertEquals("Taiwan", p.region());
        assertTrue(p.numberPassesCheck());
    }

    @Test
    void anUnknownCardTypeCharacterIsATypedErrorNamingTheCharacter() {
        DeviceException e = assertThrows(DeviceException.class, () -> TextBlock.parse(TextBlock.withMarker(residentBlock(), 'Z')));
        assertEquals(DeviceError.UNKNOWN_CARD_TYPE, e.error());
        assertEquals("card-type character U+005A at byte 248 is none of ' ', 'I', 'Y', 'J'; this card kind needs a newer reader program",
                e.getMessage());
    }

    @Test
    void aBlockOfTheWrongSizeIsABadLength() {
        DeviceException e = assertThrows(DeviceException.class, () -> TextBlock.parse(new byte[255]));
        assertEquals(DeviceError.BAD_LENGTH, e.error());
        assertEquals("a SAM_V text block is 256 bytes; got 255", e.getMessage());
    }

    @Test
    void aDamagedBirthDateIsABadFrameSayingWhatIsWrong() {
        byte[] b = new BlockBuilder().at(0, "测试用户甲").at(30, "1").at(32, "01").at(36, "19491301").at(188, "20091001").at(204, "长期").build();
        DeviceException e = assertThrows(DeviceException.class, () -> TextBlock.parse(b));
        assertEquals(DeviceError.BAD_FRAME, e.error());
        assertEquals("birth date field is 8 digits but no calendar date in YYYYMMDD; the card data is damaged or misread", e.getMessage());
    }

    @Test
    void anUnknownEthnicCodeOrGenderIsABadFrame() {
        byte[] ethnic = new BlockBuilder().at(30, "1").at(32, "57").at(36, "19491001").at(188, "20091001").at(204, "长期").build();
        byte[] gender = new BlockBuilder().at(30, "3").at(32, "01").at(36, "19491001").at(188, "20091001").at(204, "长期").build();
        DeviceException badEthnic = assertThrows(DeviceException.class, () -> TextBlock.parse(ethnic));
        DeviceException badGender = assertThrows(DeviceException.class, () -> TextBlock.parse(gender));
        assertEquals(DeviceError.BAD_FRAME, badEthnic.error());
        assertEquals(DeviceError.BAD_FRAME, badGender.error());
        assertEquals("ethnic group field is not one of the GB/T 3304 codes 01..56, 97, 98 (2 chars, 0 non-digit); "
                + "the card data is damaged or misread", badEthnic.getMessage());
        assertEquals("gender field is not one of the codes 0, 1, 2, 9 of GB/T 2261.1 (1 char, 0 non-digit); "
                + "the card data is damaged or misread", badGender.getMessage());
    }

    @Test
    void aBirthDateOfTheWrongShapeIsReportedByLengthAndNonDigitsOnly() {
        byte[] b = new BlockBuilder().at(30, "1").at(32, "01").at(36, "1949.10.").at(188, "20091001").at(204, "长期").build();
        DeviceException e = assertThrows(DeviceException.class, () -> TextBlock.parse(b));
        assertEquals("birth date field is not 8 digits (8 chars, 2 non-digit); the card data is damaged or misread", e.getMessage());
    }

    @Test
    void encodingAChineseNameWritesUcs2LittleEndianAtOffsetZero() {
        byte[] b = TextBlock.encode(new ResidentIdCard("测试用户甲", Gender.MALE, EthnicGroup.HAN, LocalDate.of(1949, 10, 1), "",
                "110105194910010015", "", new Validity(LocalDate.of(2009, 10, 1), Expiry.LONG_TERM)));
        // 测 U+6D4B, 试 U+8BD5, then space padding 20 00 up to byte 30
        assertEquals("4B 6D D5 8B", Hex.of(b, 0, 4));
        assertEquals("20 00", Hex.of(b, 28, 2));
        assertEquals("31 00 30 00 31 00", Hex.of(b, 30, 6));
        // 长期 = U+957F U+671F
        assertEquals("7F 95 1F 67 20 00", Hex.of(b, 204, 6));
        assertEquals("20 00", Hex.of(b, 248, 2));
        assertArrayEquals(expectedResidentBlock(), b);
    }

    private static byte[] expectedResidentBlock() {
        return new BlockBuilder().at(0, "测试用户甲").at(30, "1").at(32, "01").at(36, "19491001")
                .at(122, "110105194910010015").at(188, "20091001").at(204, "长期").build();
    }

    @Test
    void encodingAnEmptyNameWritesOnlyPaddingAndParsesBackEmpty() throws DeviceException {
        ResidencePermit p = new ResidencePermit("", Gender.FEMALE, LocalDate.of(1985, 3, 15), "", "830000198503150029", "",
                new Validity(LocalDate.of(2019, 1, 1), Expiry.on(LocalDate.of(2029, 1, 1))), "", 0);
        byte[] b = TextBlock.encode(p);
        assertEquals("20 00 ".repeat(15).strip(), Hex.of(b, 0, 30));
        assertEquals("4A 00", Hex.of(b, 248, 2));
        assertEquals(p, TextBlock.parse(b));
    }

    @Test
    void aValueLongerThanItsSlotIsRefusedWithTheSlotSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextBlock.encode(new ResidentIdCard(
                "测试用户甲乙丙丁戊己庚辛壬癸子丑", Gender.MALE, EthnicGroup.HAN, LocalDate.of(1949, 10, 1), "", "110105194910010015", "",
                new Validity(LocalDate.of(2009, 10, 1), Expiry.LONG_TERM))));
        assertEquals("name is 16 characters; its slot holds 15", e.getMessage());
    }

    @Test
    void theEthnicGroupTableHasAllFiftySixGroupsPlusOtherAndForeignOriginWithUniqueCodes() throws DeviceException {
        assertEquals(58, EthnicGroup.values().length);
        Set<String> codes = new HashSet<>();
        for (EthnicGroup g : EthnicGroup.values()) {
            assertTrue(codes.add(g.code()), g.code());
        }
        assertEquals(EthnicGroup.DEANG, EthnicGroup.ofCode("46"));
        assertEquals("德昂", EthnicGroup.ofCode("46").zh());
        assertEquals("鄂温克", EthnicGroup.ofCode("45").zh());
        assertEquals("基诺", EthnicGroup.ofCode("56").zh());
        assertEquals("外国血统中国籍人士", EthnicGroup.ofCode("98").zh());
    }

    @Test
    void everyIdentityPrintsMaskedNamesNumbersBirthDatesAndAddresses() throws DeviceException {
        String s = TextBlock.parse(residentBlock()).toString();
        assertEquals("ResidentIdCard[name=测***甲, gender=MALE, ethnicGroup=汉, birthDate=1949-**-**, address=(14 chars), "
                + "number=110105********0015, issuingAuthority=示例市公安局虚构分局, validity=2009-10-01–长期]", s);
    }
}
