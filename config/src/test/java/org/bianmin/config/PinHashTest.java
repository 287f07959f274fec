package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The maintenance PIN's stored form: made, read back, checked, and refused when it is anything else. */
class PinHashTest {
    private static final int FAST = PinHash.MIN_ITERATIONS;

    @Test
    void aHashMatchesItsPinAndNoOther() {
        PinHash h = PinHash.of("2468".toCharArray(), FAST);

        assertTrue(h.matches("2468".toCharArray()));
        assertFalse(h.matches("2469".toCharArray()));
        assertFalse(h.matches("24680".toCharArray()));
        assertFalse(h.matches(new char[0]));
    }

    @Test
    void theStoredFormReadsBackToTheSameHash() {
        PinHash h = PinHash.of("13572468".toCharArray(), FAST);
        String text = h.encoded();

        assertTrue(text.matches("pbkdf2-sha256\\$100000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}"), text);
        PinHash back = PinHash.parse(text);
        assertEquals(h, back);
        assertTrue(back.matches("13572468".toCharArray()));
    }

    @Test
    void theSamePinHashedTwiceGivesTwoSalts() {
        assertNotEquals(PinHash.of("2468".toCharArray(), FAST).encoded(), PinHash.of("2468".toCharArray(), FAST).encoded());
    }

    @Test
    void theDefaultWorkFactorIsAtLeastTheMinimum() {
        assertTrue(PinHash.DEFAULT_ITERATIONS >= PinHash.MIN_ITERATIONS);
    }

    @Test
    void aPinOfTheWrongLengthOrWithLettersIsRefusedInPlainWords() {
        assertEquals("a maintenance PIN is 4 to 8 digits",
                assertThrows(IllegalArgumentException.class, () -> PinHash.of("123".toCharArray(), FAST)).getMessage());
        assertEquals("a maintenance PIN is 4 to 8 digits",
                assertThrows(IllegalArgumentException.class, () -> PinHash.of("123456789".toCharArray(), FAST)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PinHash.of("12a4".toCharArray(), FAST)).getMessage()
                .contains("digits only"));
    }

    @Test
    void storedFormsThatAreNotTheContractFormatAreRefusedWithWhatIsWrong() {
        String salt = Base64.getEncoder().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().encodeToString(new byte[32]);

        assertTrue(problem("sha256$" + hash).contains("pbkdf2-sha256$ITERATIONS$SALT$HASH"));
        assertTrue(problem("pbkdf2-sha256$1000$" + salt + "$" + hash).contains("1000 iterations"));
        assertTrue(problem("pbkdf2-sha256$100000$" + Base64.getEncoder().encodeToString(new byte[8]) + "$" + hash).contains("8-byte salt"));
        assertTrue(problem("pbkdf2-sha256$100000$" + salt + "$" + Base64.getEncoder().encodeToString(new byte[20])).contains("20-byte hash"));
        assertTrue(problem("pbkdf2-sha256$100000$" + salt + "$AAA=A").contains("not base64"));
    }

    @Test
    void itsTextNeverShowsSaltOrHash() {
        PinHash h = PinHash.of("2468".toCharArray(), FAST);
        String salt = h.encoded().split("\\$")[2];

        assertEquals("PinHash[pbkdf2-sha256, 100000 iterations]", h.toString());
        assertFalse(h.toString().contains(salt));
    }

    private static String problem(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PinHash.parse(text)).getMessage();
    }
}
