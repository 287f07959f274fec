package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.theOneProblemIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A key the kiosk does not know stops it, naming the key and the known key it was probably meant to be. */
class UnknownKeysTest {

    @Test
    void aMisspeltKeyIsRefusedWithTheKeyItWasMeantToBe() {
        ConfigProblem p = theOneProblemIn("devices:\n  idCard:\n    buad: 9600\n");
        assertEquals("devices.idCard.buad: 9600 — is not a known key; did you mean devices.idCard.baud? (the given text line 3)", p.toString());
    }

    @Test
    void aKeyInAnotherSpellingOfTheSameWordsIsMatched() {
        ConfigProblem p = theOneProblemIn("session:\n  timeouts:\n    fetch-watchdog: 40\n");
        assertEquals("session.timeouts.fetch-watchdog", p.path());
        assertEquals("did you mean session.timeouts.fetchWatchdog?", p.fix());
    }

    @Test
    void aKeyLikeNoneKnownListsTheKeysThatAre() {
        ConfigProblem p = theOneProblemIn("devices:\n  printer:\n    port: /dev/ttyUSB3\n");
        assertEquals("devices.printer", p.path());
        assertEquals("{…}", p.value());
        assertEquals("remove it; the keys under devices are idCard, qrScanner, receiptPrinter, documentPrinter, gpio, recovery", p.fix());
    }

    @Test
    void anUnknownKeyAtTheTopIsRefused() {
        ConfigProblem p = theOneProblemIn("servises: [business-licence]\n");
        assertEquals("servises", p.path());
        assertEquals("did you mean services?", p.fix());
    }
}
