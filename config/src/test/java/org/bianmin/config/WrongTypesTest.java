package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.theOneProblemIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A value of the wrong type names the key, the value, what it is, what was expected, and how to write it. */
class WrongTypesTest {

    @Test
    void textWhereAWholeNumberBelongsSaysSoWithTheDefaultAsExample() {
        assertEquals("devices.idCard.baud: fast — is text, expected a whole number; write digits without quotes, e.g. 115200 "
                + "(the given text line 3)", theOneProblemIn("devices:\n  idCard:\n    baud: fast\n").toString());
    }

    @Test
    void aDurationWithAUnitIsToldToUseWholeSeconds() {
        ConfigProblem p = theOneProblemIn("session:\n  timeouts:\n    home: 90s\n");
        assertEquals("session.timeouts.home", p.path());
        assertEquals("is text, expected a whole number", p.problem());
        assertEquals("write whole seconds without a unit, e.g. 30", p.fix());
    }

    @Test
    void quotedTrueWhereTrueOrFalseBelongsIsToldToDropTheQuotes() {
        ConfigProblem p = theOneProblemIn("devices:\n  receiptPrinter:\n    required: 'true'\n");
        assertEquals("devices.receiptPrinter.required: true — is text, expected true or false; write true or false, without quotes "
                + "(the given text line 3)", p.toString());
    }

    @Test
    void aNumberWhereTextBelongsIsToldToQuoteIt() {
        ConfigProblem p = theOneProblemIn("identity:\n  kioskId: 12345\n");
        assertEquals("identity.kioskId", p.path());
        assertEquals("is a whole number, expected text", p.problem());
        assertEquals("put it in quotes: '12345'", p.fix());
    }

    @Test
    void aValueWhereAMappingBelongsIsReportedOnceNotForEachKeyBelow() {
        ConfigProblem p = theOneProblemIn("backend: https://zwfw.example.gov.cn\n");
        assertEquals("backend: https://zwfw.example.gov.cn — is text, expected a mapping of keys; write its keys on the lines below it, "
                + "indented by two more spaces (the given text line 1)", p.toString());
    }

    @Test
    void aMappingWhereAListBelongsSaysHowToWriteAList() {
        ConfigProblem p = theOneProblemIn("services:\n  first: business-licence\n");
        assertEquals("services", p.path());
        assertEquals("is a mapping, expected a list", p.problem());
        assertEquals("write [first, second] or one '- item' per line; [] for none", p.fix());
    }

    @Test
    void nullForARequiredValueAsksForOne() {
        ConfigProblem p = theOneProblemIn("devices:\n  idCard:\n    port: null\n");
        assertEquals("devices.idCard.port: null — needs a value; give text, e.g. /dev/ttyUSB0 (the given text line 3)", p.toString());
    }

    @Test
    void aNumberTooLargeForAnyKeyIsRefused() {
        ConfigProblem p = theOneProblemIn("backend:\n  retries: 99999999999999999999\n");
        assertEquals("backend.retries", p.path());
        assertEquals("is far too large", p.problem());
    }
}
