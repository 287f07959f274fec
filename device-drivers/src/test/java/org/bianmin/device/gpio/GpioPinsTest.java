package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpioPinsTest {

    private static Map<String, Integer> relays(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void theReferenceWiringRoundTripsThroughItsOneLineSpec() {
        String spec = GpioPins.REFERENCE.toSpec();
        assertEquals("guide-light=23,fault-light=24,presence-sensor=17,door-switch=27,relay.receipt-printer=5,relay.id-card=6,"
                + "relays-active-low=true,lights-active-low=false", spec);
        assertEquals(GpioPins.REFERENCE, GpioPins.parse(spec));
    }

    @Test
    void usesListLightsSensorsThenRelaysInConfigOrder() {
        assertEquals(List.of("guide-light", "fault-light", "presence-sensor", "door-switch", "relay.receipt-printer", "relay.id-card"),
                List.copyOf(GpioPins.REFERENCE.uses().keySet()));
    }

    @Test
    void aPinAboveTwentySevenIsRefusedNamingItsUseAndTheValidRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpioPins(28, 24, 17, 27, relays(), false, false));
        assertEquals("guide-light: BCM 28 is outside 0..27; give the BCM GPIO number, not the header pin number", e.getMessage());
    }

    @Test
    void aNegativeRelayPinIsRefusedNamingTheRelay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpioPins(23, 24, 17, 27, relays("receipt-printer", -1), false, false));
        assertTrue(e.getMessage().startsWith("relay.receipt-printer: BCM -1 is outside 0..27"), e.getMessage());
    }

    @Test
    void aPinUsedTwiceIsRefusedNamingThePinAndBothUses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpioPins(23, 24, 17, 5, relays("receipt-printer", 5), true, false));
        assertEquals("BCM 5 is used twice: door-switch and relay.receipt-printer; give each its own pin", e.getMessage());
    }

    @Test
    void twoLightsOnOnePinAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpioPins(23, 23, 17, 27, relays(), false, false));
        assertEquals("BCM 23 is used twice: guide-light and fault-light; give each its own pin", e.getMessage());
    }

    @Test
    void twoRelaysOnOnePinAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpioPins(23, 24, 17, 27, relays("receipt-printer", 5, "id-card", 5), true, false));
        assertEquals("BCM 5 is used twice: relay.receipt-printer and relay.id-card; give each its own pin", e.getMessage());
    }

    @Test
    void aRelayNameThatIsNotADeviceNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpioPins(23, 24, 17, 27, relays("receipt printer", 5), true, false));
        assertTrue(e.getMessage().contains("'receipt printer' is not valid"), e.getMessage());
    }

    @Test
    void theRelayMapIsCopiedSoLaterChangesDoNotLeakIn() {
        Map<String, Integer> m = relays("receipt-printer", 5);
        GpioPins pins = new GpioPins(23, 24, 17, 27, m, true, false);
        m.put("id-card", 23);
        assertEquals(Map.of("receipt-printer", 5), pins.relays());
    }

    @Test
    void aSpecWithoutADoorSwitchSaysWhichKeyToAdd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse("guide-light=23,fault-light=24,presence-sensor=17"));
        assertEquals("GPIO pin spec has no door-switch; add door-switch=<BCM 0..27>", e.getMessage());
    }

    @Test
    void anUnknownSpecKeyListsTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse("guide-light=23,fault-light=24,presence-sensor=17,door-switch=27,buzzer=4"));
        assertTrue(e.getMessage().startsWith("GPIO pin spec key 'buzzer' is unknown; known keys: guide-light,"), e.getMessage());
    }

    @Test
    void aSpecValueThatIsNotANumberOrAFlagSaysWhatToWrite() {
        assertEquals("door-switch=GPIO27 is not a pin number; give a BCM number 0..27", assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse("guide-light=23,fault-light=24,presence-sensor=17,door-switch=GPIO27")).getMessage());
        assertEquals("relays-active-low=maybe is not a flag; write true or false", assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse("guide-light=23,fault-light=24,presence-sensor=17,door-switch=27,relays-active-low=maybe")).getMessage());
    }

    @Test
    void aSpecGivingAKeyTwiceOrAnEmptyItemIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse("guide-light=23,guide-light=24")).getMessage().contains("gives guide-light twice"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse("guide-light=23,,fault-light=24")).getMessage().contains("empty item"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GpioPins.parse(" ")).getMessage().startsWith("GPIO pin spec is empty"));
    }

    @Test
    void activeLowFlagsDefaultToFalseAndSpacesAreTolerated() {
        GpioPins p = GpioPins.parse(" guide-light = 23 , fault-light=24, presence-sensor=17, door-switch=27 ");
        assertFalse(p.relaysActiveLow());
        assertFalse(p.lightsActiveLow());
        assertTrue(p.relays().isEmpty());
    }
}
