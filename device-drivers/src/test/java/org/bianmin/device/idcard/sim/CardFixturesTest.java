package org.bianmin.device.idcard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.CardType;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.PermanentResidenceCard2023;
import org.bianmin.device.idcard.ResidencePermit;
import org.bianmin.device.idcard.TextBlock;
import org.junit.jupiter.api.Test;

class CardFixturesTest {

    @Test
    void thereIsOneFixturePerCardKindAndEachParsesAsItsKind() throws DeviceException {
        assertEquals(CardType.RESIDENT_ID, TextBlock.parse(CardFixtures.byName("resident").textBlock()).type());
        assertEquals(CardType.FOREIGN_PERMANENT_2017, TextBlock.parse(CardFixtures.byName("foreigner-2017").textBlock()).type());
        assertEquals(CardType.FOREIGN_PERMANENT_2023, TextBlock.parse(CardFixtures.byName("foreigner-2023").textBlock()).type());
        assertEquals(CardType.HMT_RESIDENCE_PERMIT, TextBlock.parse(CardFixtures.byName("hmt").textBlock()).type());
    }

    @Test
    void everyFixtureNumberPassesItsCheckExceptTheOneMadeToFail() throws DeviceException {
        for (String name : CardFixtures.names()) {
            Identity id = TextBlock.parse(CardFixtures.byName(name).textBlock());
            assertEquals(!name.equals("resident-bad-check-digit"), id.numberPassesCheck(), name);
        }
    }

    @Test
    void theNumbersFollowTheirCardsStructure() throws DeviceException {
        PermanentResidenceCard2023 y = (PermanentResidenceCard2023) TextBlock.parse(CardFixtures.foreigner2023().textBlock());
        assertTrue(y.number().startsWith("9"));
        assertEquals("124", y.nationalityDigits());
        assertTrue(y.englishName().length() > 35, "the English name spills over its first slot");
        ResidencePermit j = (ResidencePermit) TextBlock.parse(CardFixtures.hmt().textBlock());
        assertTrue(List.of("81", "82", "83").contains(j.number().substring(0, 2)));
    }

    @Test
    void oneFixtureIsValidLongTerm() throws DeviceException {
        assertTrue(TextBlock.parse(CardFixtures.resident().textBlock()).validity().until().isLongTerm());
        assertFalse(TextBlock.parse(CardFixtures.hmt().textBlock()).validity().until().isLongTerm());
    }

    @Test
    void theNamesAreSyntheticTestUsers() throws DeviceException {
        for (String name : CardFixtures.names()) {
            assertTrue(TextBlock.parse(CardFixtures.byName(name).textBlock()).name().startsWith("测试用户"), name);
        }
    }

    @Test
    void anUnknownFixtureNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CardFixtures.byName("passport"));
        assertEquals("no card fixture called 'passport'; choose one of resident, foreigner-2017, foreigner-2023, hmt, "
                + "resident-bad-check-digit", e.getMessage());
    }

    @Test
    void photosStartLikeAWltFileAndAre1024Bytes() {
        byte[] wlt = CardFixtures.resident().photo().wlt();
        assertEquals(1024, wlt.length);
        assertEquals("WLf", new String(wlt, 0, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void aFixturePrintsNoPersonalData() {
        assertEquals("CardFixture[resident, fingerprints 1024 bytes, appended address yes]", CardFixtures.resident().toString());
    }
}
