package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hop to the FX thread: only there, and only the newest of the views that queued up. */
class FxVisitAdapterTest {

    @BeforeAll
    static void platform() {
        KioskUiFixture.startPlatform();
    }

    @Test
    void viewsThatArriveWhileTheFxThreadIsBusyAreRenderedAsTheNewestOnly() throws Exception {
        List<Long> rendered = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        FxVisitAdapter adapter = new FxVisitAdapter(v -> {
            rendered.add(v.visit());
            onFxThread.add(Platform.isFxApplicationThread());
        });
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        CompletableFuture<VisitView> third = adapter.whenRendered(v -> v.visit() == 3);
        for (long visit = 1; visit <= 3; visit++) {
            adapter.offer(view(visit));
        }
        release.countDown();
        assertEquals(3, third.get(10, TimeUnit.SECONDS).visit());
        adapter.runOnFxThread(() -> null).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(3L), rendered, "views 1 and 2 were replaced before the FX thread got to them");
        assertEquals(List.of(true), onFxThread);

        adapter.offer(view(4));
        assertEquals(4, adapter.whenRendered(v -> v.visit() == 4).get(10, TimeUnit.SECONDS).visit());
        assertEquals(List.of(3L, 4L), rendered, "a view after the FX thread is free is rendered too");
    }

    @Test
    void aRendererThatFailsDoesNotStopTheNextView() throws Exception {
        List<Long> rendered = new CopyOnWriteArrayList<>();
        FxVisitAdapter adapter = new FxVisitAdapter(v -> {
            if (v.visit() == 1) {
                throw new IllegalStateException("broken screen");
            }
            rendered.add(v.visit());
        });
        adapter.offer(view(1));
        adapter.runOnFxThread(() -> null).get(10, TimeUnit.SECONDS);
        adapter.offer(view(2));
        adapter.whenRendered(v -> v.visit() == 2).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(2L), rendered);
    }

    private static VisitView view(long visit) {
        return new VisitView(visit, Step.HOME, Language.ZH_CN, false, 60, 60, false, true, List.of(), Optional.empty(), Set.of(),
                VisitView.IdentifyPhase.WAITING, Optional.empty(), Optional.empty(), List.of(), 0, 1.0, Map.of(), Optional.empty(),
                false, false, Optional.empty(), VisitView.EvaluatePhase.GRADE, Optional.empty(), Set.of(), Optional.empty(), List.of(), List.of(),
                Optional.empty());
    }
}
