package org.bianmin.kiosk.visit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.bianmin.kiosk.backend.BackendException;

/**
 * The scripted answers of one backend operation: each call takes the next scripted answer, or the
 * operation's usual answer when none is left. An answer is a value, a failure of one kind, or a future
 * the test completes later (an answer that arrives late).
 */
final class Script<T> {
    private final Deque<Supplier<CompletableFuture<T>>> next = new ArrayDeque<>();
    private BackendException.Kind alwaysFailing;
    private int calls;

    /** The next call answers {@code value}. */
    void willAnswer(T value) {
        next.add(() -> CompletableFuture.completedFuture(value));
    }

    /** The next call fails with {@code kind}. */
    void willFail(BackendException.Kind kind) {
        next.add(() -> CompletableFuture.failedFuture(failure(kind)));
    }

    /** Every call fails with {@code kind} until {@link #recovers()}. */
    void alwaysFails(BackendException.Kind kind) {
        alwaysFailing = kind;
    }

    void recovers() {
        alwaysFailing = null;
    }

    /** The next call answers nothing until the test completes the future returned here. */
    CompletableFuture<T> willAnswerLate() {
        CompletableFuture<T> late = new CompletableFuture<>();
        next.add(() -> late);
        return late;
    }

    int calls() {
        return calls;
    }

    CompletableFuture<T> answer(Supplier<T> usual) {
        calls++;
        Supplier<CompletableFuture<T>> s = next.poll();
        if (s != null) {
            return s.get();
        }
        if (alwaysFailing != null) {
            return CompletableFuture.failedFuture(failure(alwaysFailing));
        }
        return CompletableFuture.completedFuture(usual.get());
    }

    static BackendException failure(BackendException.Kind kind) {
        int status = switch (kind) {
            case UNREACHABLE -> 0;
            case KIOSK_NOT_AUTHORISED -> 403;
            case IDENTIFICATION_EXPIRED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case REJECTED -> 400;
            case RATE_LIMITED -> 429;
            case SERVER_ERROR -> 500;
        };
        return new BackendException(kind, status, "scripted " + kind);
    }
}
