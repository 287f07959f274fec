package org.bianmin.device.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.DeviceError;
import org.junit.jupiter.api.Test;

class TcpLinkTest {

    @Test
    void bytesCrossALoopbackConnectionBothWays() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<TcpLink> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return TcpLink.over(server.accept());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (TcpLink host = TcpLink.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));
                 TcpLink device = accepted.get()) {
                host.write(new byte[] {0x10, 0x04, 0x01});
                assertArrayEquals(new byte[] {0x10, 0x04, 0x01}, device.readExactly(3, Duration.ofSeconds(2)));
                device.write(new byte[] {0x12});
                assertEquals(0x12, host.readByte(Duration.ofSeconds(2)));
                assertEquals(-1, host.readByte(Duration.ofMillis(20)));
            }
        }
    }

    @Test
    void aRefusedConnectionSaysWhatToCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LinkException e = assertThrows(LinkException.class, () -> TcpLink.connect("127.0.0.1", port, Duration.ofSeconds(2)));
        assertEquals(DeviceError.PORT_NOT_FOUND, e.error());
        assertTrue(e.getMessage().contains("raw printing"), e.getMessage());
    }
}
