package org.bianmin.backend.fleet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Kiosks waiting for their desired config to change: each is a future, not a thread, so thousands can wait. A wake
 * checks every waiter against the current desired state and answers those whose set changed; the rest wait on until
 * their time is up, when they are answered with nothing.
 *
 * <p>Answers are completed on {@code answering}, not on the waking thread: completing a future writes the HTTP
 * response, and one thread writing thousands of them one after another is what made a fleet push take seconds.
 */
final class LongPolls {
    private record Waiter(String kioskId, String known, CompletableFuture<Optional<Desired>> answer) {
    }

    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Executor answering;

    LongPolls(Executor answering) {
        this.answering = answering;
    }

    /**
     * A future that completes with the kiosk's desired set once it differs from {@code known}, or empty after {@code wait}.
     *
     * @param current the desired set of a kiosk now
     */
    CompletableFuture<Optional<Desired>> await(String kioskId, String known, Duration wait, Function<String, Desired> current) {
        Desired now = current.apply(kioskId);
        if (!now.etag().equals(known)) {
            return CompletableFuture.completedFuture(Optional.of(now));
        }
        CompletableFuture<Optional<Desired>> answer = new CompletableFuture<>();
        Waiter w = new Waiter(kioskId, known, answer);
        waiters.add(w);
        answer.whenComplete((d, e) -> waiters.remove(w));
        answer.completeOnTimeout(Optional.empty(), wait.toMillis(), TimeUnit.MILLISECONDS);
        // a change that landed between the first look and joining the waiters would otherwise be missed
        check(w, current);
        return answer;
    }

    /**
     * Answers every waiter whose desired set is no longer the one it knows, and ends with nothing the waits of kiosks
     * that are {@code gone} (removed from the fleet: their next request is refused).
     */
    void wake(Function<String, Desired> current, Predicate<String> gone) {
        for (Waiter w : waiters) {
            if (gone.test(w.kioskId())) {
                answering.execute(() -> w.answer().complete(Optional.empty()));
                continue;
            }
            Desired d = current.apply(w.kioskId());
            if (!Objects.equals(d.etag(), w.known())) {
                answering.execute(() -> w.answer().complete(Optional.of(d)));
            }
        }
    }

    /** Ends with nothing the waits of {@code kioskId}, made with a token that no longer works. */
    void end(String kioskId) {
        for (Waiter w : waiters) {
            if (w.kioskId().equals(kioskId)) {
                answering.execute(() -> w.answer().complete(Optional.empty()));
            }
        }
    }

    int waiting() {
        return waiters.size();
    }

    private static void check(Waiter w, Function<String, Desired> current) {
        Desired d = current.apply(w.kioskId());
        if (!Objects.equals(d.etag(), w.known())) {
            w.answer().complete(Optional.of(d));
        }
    }
}
