package org.bianmin.kiosk.backend;

import static org.awaitility.Awaitility.await;
import static org.bianmin.kiosk.backend.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend goes away in the middle of a visit and comes back: the kiosk notices both, and the
 * print result and the evaluation made meanwhile reach the backend — even across a kiosk restart.
 */
class BackendOutageTest {
    @TempDir
    Path dir;
    BackendProcess backend;
    HttpKioskBackend client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    HttpKioskBackend client() {
        return HttpKioskBackend.builder().baseUri(backend.baseUri()).kioskId(backend.kioskId())
                .kioskToken(backend.kioskToken()).outboxDirectory(dir.resolve("outbox"))
                .requestTimeout(Duration.ofSeconds(20)).connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50))).build();
    }

    @Test
    void reportsMadeWhileTheBackendIsDownReachItWhenItIsBack() throws Exception {
        backend = BackendProcess.start(dir.resolve("backend"));
        int port = backend.port();
        client = client();
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        client.onConnectivity(changes::add);
        Identification id = client.identifyByCard(HttpKioskBackendTest.ID_NUMBER, HttpKioskBackendTest.NAME).join();
        DocumentTicket ticket = client.requestDocument("si-participation-certificate", id.subjectToken()).join();
        int indicatorSet = client.evaluationIndicators().join().version();
        assertTrue(client.online());

        backend.close();
        failure(Kind.UNREACHABLE, client.services());
        assertFalse(client.online());

        String key = UUID.randomUUID().toString();
        Evaluation evaluation = new Evaluation(ticket.caseNumber(), Grade.SATISFIED, indicatorSet, List.of(), Optional.empty());
        client.reportPrint(key, ticket.documentId(), PrintState.PRINTED, null).join();
        client.evaluate(evaluation).join();
        assertEquals(2, client.pendingReports());
        String file = Files.readString(dir.resolve("outbox").resolve(ReportOutbox.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(file.contains(ticket.documentId()) && file.contains(ticket.caseNumber()), file);
        assertFalse(file.contains(id.subjectToken()) || file.contains(HttpKioskBackendTest.ID_NUMBER), file);

        client.close();
        client = client();
        assertEquals(2, client.pendingReports());
        client.onConnectivity(changes::add);

        backend = BackendProcess.start(dir.resolve("backend"), port);
        client.startHealthCheck(Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(30)).until(client::online);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.pendingReports() == 0);

        failure(Kind.CONFLICT, client.evaluate(evaluation));
        failure(Kind.CONFLICT, client.reportPrint(key, ticket.documentId(), PrintState.FAILED, "paper out"));
        assertEquals(List.of(true, false, true), changes);
    }
}
