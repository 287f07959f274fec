package org.bianmin.device.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import org.bianmin.device.DeviceError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jssc adapter over a real pty pair made by socat. */
class JsscSerialLinkTest {
    @TempDir
    Path dir;
    SocatPty pty;

    @BeforeEach
    void cable() throws Exception {
        pty = SocatPty.started(dir);
    }

    @AfterEach
    void unplug() {
        pty.close();
    }

    @Test
    void bytesCrossTheCableBothWaysIntact() throws Exception {
        try (JsscSerialLink a = JsscSerialLink.open(pty.a(), SerialSettings.of(115200));
             JsscSerialLink b = JsscSerialLink.open(pty.b(), SerialSettings.of(115200))) {
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            a.write(all);
            assertArrayEquals(all, b.readExactly(256, Duration.ofSeconds(2)));
            byte[] chinese = "便民服务".getBytes(Charset.forName("GB18030"));
            b.write(chinese);
            assertArrayEquals(chinese, a.readExactly(chinese.length, Duration.ofSeconds(2)));
        }
    }

    @Test
    void aQuietLineTimesOutWithNothingRead() throws Exception {
        try (JsscSerialLink a = JsscSerialLink.open(pty.a(), SerialSettings.of(9600))) {
            assertEquals(0, a.read(new byte[8], 0, 8, Duration.ofMillis(30)));
        }
    }

    @Test
    void aMissingPortIsNamedWithTheFix() {
        LinkException e = assertThrows(LinkException.class,
                () -> JsscSerialLink.open(dir.resolve("nothing-here").toString(), SerialSettings.of(9600)));
        assertEquals(DeviceError.PORT_NOT_FOUND, e.error());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("ports found") || e.getMessage().contains("no serial ports"), e.getMessage());
    }

    @Test
    void aFileThatIsNotASerialPortIsRefused() throws Exception {
        Path plain = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "x");
        LinkException e = assertThrows(LinkException.class, () -> JsscSerialLink.open(plain.toString(), SerialSettings.of(9600)));
        assertTrue(e.error() == DeviceError.BAD_SETTINGS || e.error() == DeviceError.LINK_IO, e.technicianLine());
    }

    @Test
    void aNonStandardBaudIsRefusedWithTheListOfRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SerialSettings.of(12345));
        assertTrue(e.getMessage().contains("115200"), e.getMessage());
    }
}
