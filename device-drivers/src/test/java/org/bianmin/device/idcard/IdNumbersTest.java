package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void theStandardExampleWithCheckCharacterXPasses() {
        assertEquals('X', IdNumbers.checkCharacter("11010519491231002"));
        assertTrue(IdNumbers.isValid("11010519491231002X"));
    }

    @Test
    void theTwoOfficial2023ForeignerSamplesPass() {
        assertTrue(IdNumbers.isValid("932682198501010017"));
        assertTrue(IdNumbers.isValid("911124198108030024"));
    }

    @Test
    void aWrongCheckDigitIsReportedAsInvalidIdNumberWithTheNumberMasked() {
        DeviceException e = assertThrows(DeviceException.class, () -> IdNumbers.requireValid("110105198808080024"));
        assertEquals(DeviceError.INVALID_ID_NUMBER, e.error());
        assertEquals("ID number 110105********0024 fails its MOD 11-2 check digit; the card is damaged, forged or misread", e.getMessage());
    }

    @Test
    void aLowercaseXShortNumbersAndLettersInsideFail() {
        assertFalse(IdNumbers.isValid("11010519491231002x"));
        assertEquals(Optional.of("ID number 11**********31 has 14 characters; an ID number has 18"), IdNumbers.problem("11010519491231"));
        assertEquals(Optional.of("ID number 11A105********002X has a non-digit at position 3"), IdNumbers.problem("11A10519491231002X"));
        assertFalse(IdNumbers.isValid(null));
    }

    @Test
    void checkCharacterRefusesInputThatIsNotSeventeenDigits() {
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.checkCharacter("1234"));
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.checkCharacter("1101051949123100A"));
    }

    @Test
    void aResidentCardWithABadCheckDigitCannotPassUnnoticed() {
        ResidentIdCard r = new ResidentIdCard("测试用户戊", Gender.FEMALE, EthnicGroup.HAN, LocalDate.of(1988, 8, 8), "",
                "110105198808080024", "", new Validity(LocalDate.of(2018, 8, 8), Expiry.LONG_TERM));
        assertFalse(r.numberPassesCheck());
        assertEquals(DeviceError.INVALID_ID_NUMBER, assertThrows(DeviceException.class, r::requireValidNumber).error());
    }

    @Test
    void theFifteenCharacter2017NumberIsCheckedForItsLettersAndDigitsFormat() {
        PermanentResidenceCard2017 bad = new PermanentResidenceCard2017("A", "", Gender.MALE, LocalDate.of(1980, 1, 1),
                "CA1310085031502", "CAN", new Validity(LocalDate.of(2017, 1, 1), Expiry.LONG_TERM), "", "");
        assertEquals(Optional.of("permanent-residence number CA1310*****1502 is not 3 letters and 12 digits; the card is damaged or misread"),
                bad.numberProblem());
    }
}
