package org.bianmin.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bianmin.config.KioskConfig;
import org.bianmin.kiosk.backend.TestCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a live apply is told changed: the sections whose values differ, by the key an admin writes, the version aside. */
class ConfigSectionTest {

    @TempDir
    Path root;

    @Test
    void aPushOfServicesNoticesAndADevicePortChangesExactlyThoseSections() {
        FleetKiosk kiosk = FleetKiosk.provisionedIn(root);
        ObjectNode tree = FleetKiosk.home("business-licence");
        tree.putObject("devices").putObject("qrScanner").put("port", "/dev/ttyACM1");
        KioskConfig pushed = kiosk.provisioning.bind(List.of(FleetKiosk.signed(7, tree)));

        assertEquals(EnumSet.of(ConfigSection.SERVICES, ConfigSection.NOTICES, ConfigSection.DEVICES),
                ConfigSection.changed(kiosk.provisioning.provisioned(), pushed));
    }

    @Test
    void aPushOfAGuideNoteChangesTheGuidesSectionAlone() {
        FleetKiosk kiosk = FleetKiosk.provisionedIn(root);
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putObject("guides").putObject("business-licence").putObject("note").put("zh", "本镇市场监管所在镇政府二楼");
        KioskConfig pushed = kiosk.provisioning.bind(List.of(FleetKiosk.signed(3, tree)));

        assertEquals(EnumSet.of(ConfigSection.GUIDES), ConfigSection.changed(kiosk.provisioning.provisioned(), pushed));
    }

    @Test
    void aPushOfTheBackendsCaCertificatesChangesTheBackendSection() {
        FleetKiosk kiosk = FleetKiosk.provisionedIn(root);
        Path ca = TestCa.create("Extranet Test CA").writePem(root.resolve("extranet-ca.pem"));
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putObject("backend").putArray("caCertificates").add(ca.toString());
        KioskConfig pushed = kiosk.provisioning.bind(List.of(FleetKiosk.signed(4, tree)));

        assertEquals(List.of(ca), pushed.backend().caCertificates());
        assertEquals(EnumSet.of(ConfigSection.BACKEND), ConfigSection.changed(kiosk.provisioning.provisioned(), pushed));
    }

    @Test
    void theSameConfigUnderAnotherVersionChangesNothing() {
        FleetKiosk kiosk = FleetKiosk.provisionedIn(root);
        KioskConfig v1 = kiosk.provisioning.bind(List.of(FleetKiosk.signed(1, FleetKiosk.home("business-licence"))));
        KioskConfig v2 = kiosk.provisioning.bind(List.of(FleetKiosk.signed(2, FleetKiosk.home("business-licence"))));

        assertEquals(Set.of(), ConfigSection.changed(v1, v2));
    }
}
