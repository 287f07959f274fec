package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad layer is refused by the JSON Schema an editor checks it with and by the kiosk's binder alike, both naming the same key. */
class SchemaAndBinderRefuseBadDocumentsTest {

    @Test
    void anUnknownKeyIsRefusedByBoth() {
        assertBothRefuse("devices:\n  idCard:\n    parity: even\n", "devices.idCard.parity");
    }

    @Test
    void aBaudRateNotInTheListIsRefusedByBoth() {
        assertBothRefuse("devices:\n  qrScanner:\n    baud: 9601\n", "devices.qrScanner.baud");
    }

    @Test
    void aScreenTimeoutBelowItsRangeIsRefusedByBoth() {
        assertBothRefuse("session:\n  timeouts:\n    home: 5\n", "session.timeouts.home");
    }

    @Test
    void aConnectTimeoutAboveItsRangeIsRefusedByBoth() {
        assertBothRefuse("backend:\n  connectTimeout: 61\n", "backend.connectTimeout");
    }

    @Test
    void aPinOutsideTheGpioHeaderIsRefusedByBoth() {
        assertBothRefuse("devices:\n  gpio:\n    doorSwitch: 40\n", "devices.gpio.doorSwitch");
    }

    @Test
    void aScannerProtocolNotInTheListIsRefusedByBoth() {
        assertBothRefuse("devices:\n  qrScanner:\n    protocol: honeywell\n", "devices.qrScanner.protocol");
    }

    @Test
    void aKioskIdInCapitalsIsRefusedByBoth() {
        assertBothRefuse("identity:\n  kioskId: Kiosk-01\n", "identity.kioskId");
    }

    @Test
    void aMisspeltGuideFieldIsRefusedByBoth() {
        assertBothRefuse("guides:\n  business-licence:\n    material:\n      - zh: 公章\n", "guides.business-licence.material");
    }

    @Test
    void aGuideNoteLongerThan200CharactersIsRefusedByBoth() {
        assertBothRefuse("guides:\n  business-licence:\n    note:\n      zh: " + "请".repeat(201) + "\n", "guides.business-licence.note.zh");
    }

    @Test
    void aGuideStepWithoutChineseIsRefusedByBoth() {
        assertBothRefuse("guides:\n  business-licence:\n    steps:\n      - en: Scan the code\n", "guides.business-licence.steps[0].zh");
    }

    @Test
    void aGuideForACodeWithCapitalsIsRefusedByBoth() {
        assertBothRefuse("guides:\n  Business-Licence:\n    note:\n      zh: 镇政府一楼\n", "guides.Business-Licence");
    }

    private static void assertBothRefuse(String yaml, String path) {
        List<String> schemaPaths = KioskSchema.errors(KioskSchema.yaml(yaml)).stream().map(KioskSchema::keyPath).distinct().toList();
        assertEquals(List.of(path), schemaPaths, "keys the schema refuses");
        assertEquals(path, ConfigFixtures.theOneProblemIn(yaml).path(), "the key the binder refuses");
    }
}
