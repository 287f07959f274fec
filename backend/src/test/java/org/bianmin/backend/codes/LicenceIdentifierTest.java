package org.bianmin.backend.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicenceIdentifierTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
        "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F",
        "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0"})
    void theCheckCharactersOfPublishedIdentifiersAreReproduced(String published) {
        LicenceIdentifier parsed = LicenceIdentifier.parse(published);
        LicenceIdentifier rebuilt = LicenceIdentifier.of(parsed.typeCode(), parsed.issuerCode(), parsed.serial(),
                parsed.version());
        assertEquals(published.charAt(published.length() - 1), rebuilt.check());
        assertEquals(published, rebuilt.toString());
    }

    @Test
    void theMadeUpApiDocumentationExampleWithCheckMFails() {
        assertFalse(LicenceIdentifier.isValid(
                "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.M"));
    }

    @Test
    void aWrongCheckCharacterSaysWhatWasExpected() {
        InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> LicenceIdentifier.parse(
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G"));
        assertEquals(CodeKind.LICENCE_IDENTIFIER, e.kind());
        assertTrue(e.getMessage().contains("expects F"), e.getMessage());
    }

    @Test
    void malformedIdentifiersNameTheirProblem() {
        assertThrows(InvalidCodeException.class, () -> LicenceIdentifier.parse(null));
        assertThrows(InvalidCodeException.class, () -> LicenceIdentifier.parse("1.2.156.3005.1.X"));
        InvalidCodeException e = assertThrows(InvalidCodeException.class,
                () -> LicenceIdentifier.parse("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.1.F"));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
        assertThrows(InvalidCodeException.class,
                () -> LicenceIdentifier.of("11100000000013338W032", "11220000013544541J", "ab-1", "001"));
    }
}
