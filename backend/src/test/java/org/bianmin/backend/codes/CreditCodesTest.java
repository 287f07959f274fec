package org.bianmin.backend.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {
    @Test
    void theWorkedExampleOfGb32100GetsCheckCharacterThree() {
        // GB 32100-2015 worked example: sum 1640, 1640 mod 31 = 28, 31 - 28 = 3
        assertEquals('3', CreditCodes.checkCharacter("91350100M000100Y4"));
        assertFalse(CreditCodes.isValid("91350100M000100Y4Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11100000000013338W", "11430000006122244L", "11220000013544541J", "11330105002500287C"})
    void authorityCodesFromPublishedLicenceIdentifiersPass(String code) {
        assertTrue(CreditCodes.isValid(code));
    }

    @Test
    void lettersOutsideTheCodeAlphabetAreNamedInTheError() {
        InvalidCodeException e = assertThrows(InvalidCodeException.class,
                () -> CreditCodes.requireValid("91350100O000100Y43"));
        assertEquals(CodeKind.CREDIT_CODE, e.kind());
        assertTrue(e.getMessage().contains("'O'"), e.getMessage());
    }

    @Test
    void wrongLengthIsRejected() {
        assertThrows(InvalidCodeException.class, () -> CreditCodes.requireValid("91350100M000100Y4"));
        assertThrows(InvalidCodeException.class, () -> CreditCodes.requireValid(null));
    }
}
