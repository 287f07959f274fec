package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** The one-line pin spec is typed by technicians: any input gives pins or a clear IllegalArgumentException, nothing else. */
class GpioPinsSpecPropertyTest {
    private static final String GOOD = GpioPins.REFERENCE.toSpec();

    @Provide
    Arbitrary<String> specLike() {
        return Arbitraries.strings().withChars("=,.-0123456789 abcdefghijklmnopqrstuvwxyz门锁\t").ofMaxLength(120);
    }

    @Property(tries = 500)
    void anyStringGivesPinsOrAClearRefusal(@ForAll("specLike") String spec) {
        parsesOrRefusesClearly(spec);
    }

    @Property(tries = 300)
    void aTruncatedSpecGivesPinsOrAClearRefusal(@ForAll @IntRange(min = 0, max = 200) int cut) {
        parsesOrRefusesClearly(GOOD.substring(0, Math.min(cut, GOOD.length())));
    }

    @Property(tries = 500)
    void aCorruptedSpecGivesPinsOrAClearRefusal(@ForAll @IntRange(min = 0, max = 200) int at, @ForAll char replacement) {
        int i = at % GOOD.length();
        parsesOrRefusesClearly(GOOD.substring(0, i) + replacement + GOOD.substring(i + 1));
    }

    @Example
    void aNewlineInsideAKeyIsRefusedOnOneLine() {
        String spec = GOOD.replaceFirst("=", "\n=");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GpioPins.parse(spec));
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("U+000A"), e.getMessage());
    }

    @Property(tries = 200)
    void validPinsRoundTripThroughTheSpec(@ForAll @Size(5) @UniqueElements List<@IntRange(min = 0, max = 27) Integer> pin,
                                          @ForAll boolean relaysLow, @ForAll boolean lightsLow) {
        GpioPins pins = new GpioPins(pin.get(0), pin.get(1), pin.get(2), pin.get(3), Map.of("receipt-printer", pin.get(4)),
                relaysLow, lightsLow);
        assertEquals(pins, GpioPins.parse(pins.toSpec()));
    }

    private static void parsesOrRefusesClearly(String spec) {
        try {
            GpioPins pins = GpioPins.parse(spec);
            assertEquals(pins, GpioPins.parse(pins.toSpec()));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError("refusal without a one-line message for '" + spec + "': " + m);
            }
        }
    }
}
