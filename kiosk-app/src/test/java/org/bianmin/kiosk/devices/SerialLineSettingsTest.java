package org.bianmin.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bianmin.config.FlowControl;
import org.bianmin.device.link.SerialSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SerialLineSettingsTest {
    @ParameterizedTest
    @EnumSource(FlowControl.class)
    void everyConfiguredHandshakeReachesTheSerialLineWithTheBaud(FlowControl flow) {
        SerialSettings line = KioskDevices.line(19200, flow);

        assertEquals(flow.name(), line.flowControl().name());
        assertEquals(19200, line.baud());
        assertEquals(8, line.dataBits());
    }
}
