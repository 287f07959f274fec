package org.bianmin.kiosk.backend;

import static org.bianmin.kiosk.backend.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.bianmin.kiosk.backend.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technicians' two calls as they go over the wire (contract of issue 5): verifying a scanned technician code,
 * and uploading a diagnostic bundle as application/zip, each sent once.
 */
class TechnicianAndDiagnosticsClientTest {
    static final String KIOSK = "/api/v1/kiosks/k-01";
    static final String CODE = "BMTECH1:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @TempDir
    Path dir;
    ScriptedServer server;
    HttpKioskBackend client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = HttpKioskBackend.builder().baseUri(server.uri()).kioskId("k-01").kioskToken("secret-token-1")
                .outboxDirectory(dir.resolve("outbox")).requestTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aValidCodeNamesTheTechnicianAndWhenItExpires() {
        server.on("POST", KIOSK + "/technician-codes/verify",
                Reply.json(200, "{\"technician\":\"王师傅\",\"expiresAt\":\"2026-11-25T08:00:00Z\"}"));

        TechnicianAccess access = client.verifyTechnicianCode(CODE).join();

        assertEquals(new TechnicianAccess("王师傅", Instant.parse("2026-11-25T08:00:00Z")), access);
        ScriptedServer.Request sent = server.requests("POST", KIOSK + "/technician-codes/verify").getFirst();
        assertEquals("{\"code\":\"" + CODE + "\"}", sent.body());
        assertEquals("Bearer secret-token-1", sent.authorization());
    }

    @Test
    void aRefusedCodeFailsWithTheBackendsReasonInPlainWordsAndIsNotTriedAgain() {
        server.on("POST", KIOSK + "/technician-codes/verify", Reply.problem(403, "technician-code", "this code expired at 08:00"));

        BackendException e = failure(Kind.KIOSK_NOT_AUTHORISED, client.verifyTechnicianCode(CODE));

        assertEquals("this code expired at 08:00", e.detail().orElseThrow());
        assertEquals(1, server.requests("POST", KIOSK + "/technician-codes/verify").size());
    }

    @Test
    void somethingThatIsNotATechnicianCodeIsNeverSent() {
        BackendException e = failure(Kind.REJECTED, client.verifyTechnicianCode("ESSC1:someone"));

        assertTrue(e.getMessage().contains("not a technician code"), e.getMessage());
        assertTrue(server.requests("POST", KIOSK + "/technician-codes/verify").isEmpty());
    }

    @Test
    void aBundleGoesAsApplicationZipByteForByteAndComesBackWithItsId() throws IOException {
        byte[] zip = zip("versions.txt", "0.1.0");
        server.on("POST", KIOSK + "/diagnostics", Reply.json(201, "{\"bundleId\":\"b-42\",\"size\":" + zip.length + "}"));

        DiagnosticsReceipt receipt = client.uploadDiagnostics(zip).join();

        assertEquals(new DiagnosticsReceipt("b-42", zip.length), receipt);
        ScriptedServer.Request sent = server.requests("POST", KIOSK + "/diagnostics").getFirst();
        assertEquals("application/zip", sent.contentType());
        assertArrayEquals(zip, sent.bytes());
    }

    @Test
    void aBundleTheBackendFindsTooBigFailsAsRejectedWithItsReason() throws IOException {
        server.on("POST", KIOSK + "/diagnostics", Reply.problem(413, "too-large", "the bundle is larger than 20 MiB"));

        BackendException e = failure(Kind.REJECTED, client.uploadDiagnostics(zip("a.txt", "x")));

        assertEquals("the bundle is larger than 20 MiB", e.detail().orElseThrow());
    }

    @Test
    void bytesThatAreNotAZipAreNeverSent() {
        failure(Kind.REJECTED, client.uploadDiagnostics("not a zip".getBytes(StandardCharsets.US_ASCII)));

        assertTrue(server.requests("POST", KIOSK + "/diagnostics").isEmpty());
    }

    private static byte[] zip(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
