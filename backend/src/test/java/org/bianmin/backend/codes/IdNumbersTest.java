package org.bianmin.backend.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {
    @Test
    void theStandardExampleNumberPasses() {
        assertEquals('X', IdNumbers.checkCharacter("11010519491231002"));
        assertTrue(IdNumbers.isValid("11010519491231002X"));
    }

    @Test
    void aBuiltNumberCarriesItsBirthDateSequenceAndCheckCharacter() {
        String number = IdNumbers.build("110105", LocalDate.of(1949, 12, 31), 2);
        assertEquals("11010519491231002X", number);
        assertEquals(LocalDate.of(1949, 12, 31), IdNumbers.birthDate(number));
        assertFalse(IdNumbers.isMale(number));
    }

    @Test
    void aWrongCheckCharacterIsRejectedWithTheNumberMasked() {
        InvalidCodeException e = assertThrows(InvalidCodeException.class,
                () -> IdNumbers.requireValid("110105194912310021"));
        assertEquals(CodeKind.ID_NUMBER, e.kind());
        assertTrue(e.getMessage().contains("110105********0021"), e.getMessage());
        assertFalse(e.getMessage().contains("110105194912310021"), e.getMessage());
    }

    @Test
    void wrongLengthLettersAndImpossibleDatesAreRejected() {
        assertThrows(InvalidCodeException.class, () -> IdNumbers.requireValid(null));
        assertThrows(InvalidCodeException.class, () -> IdNumbers.requireValid("11010519491231002"));
        assertThrows(InvalidCodeException.class, () -> IdNumbers.requireValid("1101051949123100AX"));
        String feb30 = "11010519490230002";
        String withCheck = feb30 + IdNumbers.checkCharacter(feb30);
        InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> IdNumbers.requireValid(withCheck));
        assertTrue(e.getMessage().contains("birth date"), e.getMessage());
    }

    @Test
    void aBadRegionCodeOrSequenceCannotBuildANumber() {
        assertThrows(InvalidCodeException.class, () -> IdNumbers.build("11010", LocalDate.of(1990, 1, 1), 1));
        assertThrows(InvalidCodeException.class, () -> IdNumbers.build("110105", LocalDate.of(1990, 1, 1), 1000));
    }

    @Test
    void namesAndNumbersAreMaskedForLogs() {
        assertEquals("张*三", Masking.name("张小三"));
        assertEquals("张*", Masking.name("张三"));
        assertEquals("110105********002X", Masking.idNumber("11010519491231002X"));
    }
}
