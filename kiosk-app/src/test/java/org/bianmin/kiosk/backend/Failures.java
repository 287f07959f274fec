package org.bianmin.kiosk.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Unwraps the {@link BackendException} a backend future failed with. */
final class Failures {
    private Failures() {
    }

    static BackendException failure(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(BackendException.class, e.getCause());
    }

    static BackendException failure(BackendException.Kind kind, CompletableFuture<?> future) {
        BackendException e = failure(future);
        assertEquals(kind, e.kind(), () -> "the failure was " + e.kind() + ": " + e.getMessage());
        return e;
    }
}
