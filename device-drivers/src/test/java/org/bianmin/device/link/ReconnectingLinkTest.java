package org.bianmin.device.link;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog: an unplugged cable becomes Disconnected, and Reconnected once it is back. */
class ReconnectingLinkTest {
    private static final ReconnectingLink.Policy FAST = new ReconnectingLink.Policy(3, Duration.ofMillis(50), Duration.ofMillis(400));

    @TempDir
    Path dir;

    @Test
    void thePtyVanishingIsDisconnectedAndItsReturnIsReconnected() throws Exception {
        SocatPty pty = SocatPty.started(dir);
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        try (ReconnectingLink link = new ReconnectingLink("test-device", pty.a(),
                () -> JsscSerialLink.open(pty.a(), SerialSettings.of(115200)), FAST, events::add)) {
            link.open();
            pty.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try {
                    link.write(new byte[] {0x10, 0x04, 0x01});
                } catch (LinkException e) {
                    // expected once the cable is gone
                }
                return events.stream().anyMatch(ev -> ev instanceof DeviceEvent.Disconnected);
            });
            LinkException down = assertThrows(LinkException.class, () -> link.write(new byte[] {1}));
            assertEquals(DeviceError.DISCONNECTED, down.error());

            pty.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ev -> ev instanceof DeviceEvent.Reconnected));
            try (JsscSerialLink other = JsscSerialLink.open(pty.b(), SerialSettings.of(115200))) {
                link.write(new byte[] {1, 2, 3});
                assertArrayEquals(new byte[] {1, 2, 3}, other.readExactly(3, Duration.ofSeconds(2)));
            }
            assertTrue(events.get(0) instanceof DeviceEvent.Disconnected, events.toString());
        } finally {
            pty.close();
        }
    }

    @Test
    void repeatedUnansweredRequestsCountAsALostLink() throws Exception {
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        try (ReconnectingLink link = new ReconnectingLink("quiet", "mem:quiet",
                () -> MemoryLink.pair("quiet").host(), FAST, events::add)) {
            link.open();
            link.exchangeTimedOut();
            link.exchangeAnswered();
            link.exchangeTimedOut();
            link.exchangeTimedOut();
            assertTrue(events.isEmpty(), "an answer in between resets the count: " + events);
            link.exchangeTimedOut();
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
            DeviceEvent.Disconnected d = (DeviceEvent.Disconnected) events.get(0);
            assertEquals(DeviceError.TIMEOUT, d.cause());
            assertTrue(events.get(1) instanceof DeviceEvent.Reconnected);
        }
    }
}
