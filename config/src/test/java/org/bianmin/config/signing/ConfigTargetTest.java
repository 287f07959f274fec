package org.bianmin.config.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A target reads and writes as kiosk:ID, group:NAME or fleet, and covers the kiosks it names. */
class ConfigTargetTest {

    @Test
    void eachKindOfTargetReadsBackFromItsText() {
        for (String text : new String[] {"kiosk:township-hall-01", "group:xiaoshan-east", "fleet"}) {
            assertEquals(text, ConfigTarget.parse(text).toString());
        }
        assertEquals(ConfigTarget.FLEET, ConfigTarget.parse("fleet"));
    }

    @Test
    void aTargetCoversItsKioskItsGroupsKiosksOrEveryKiosk() {
        Set<String> groups = Set.of("xiaoshan-east", "night-halls");

        assertTrue(new ConfigTarget.Kiosk("hall-01").covers("hall-01", groups));
        assertFalse(new ConfigTarget.Kiosk("hall-02").covers("hall-01", groups));
        assertTrue(new ConfigTarget.Group("night-halls").covers("hall-01", groups));
        assertFalse(new ConfigTarget.Group("xiaoshan-west").covers("hall-01", groups));
        assertTrue(ConfigTarget.FLEET.covers("hall-01", Set.of()));
    }

    @Test
    void textThatIsNoTargetIsRefusedSayingWhatATargetLooksLike() {
        assertEquals("'Fleet' is not a config target; write kiosk:ID, group:NAME or fleet, e.g. kiosk:township-hall-01",
                assertThrows(SigningException.class, () -> ConfigTarget.parse("Fleet")).getMessage());
        assertEquals("'group:' is not a config target: a group name is 3 to 64 lower-case letters, digits and hyphens, starting "
                + "with a letter or digit, e.g. group:xiaoshan-east",
                assertThrows(SigningException.class, () -> ConfigTarget.parse("group:")).getMessage());
        assertEquals("'kiosk:hall?01' is not a config target: a kiosk id is 3 to 64 lower-case letters, digits and hyphens, "
                + "starting with a letter or digit, e.g. kiosk:township-hall-01",
                assertThrows(SigningException.class, () -> ConfigTarget.parse("kiosk:hall\n01")).getMessage());
    }
}
