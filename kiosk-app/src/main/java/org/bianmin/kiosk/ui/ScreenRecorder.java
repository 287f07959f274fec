package org.bianmin.kiosk.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.bianmin.kiosk.visit.VisitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code NN-<step>[-<phase>].png} into a directory each time the screen moves to another step or
 * phase (or language, or elder mode): the headless demo's picture of every screen visited. Register it
 * with {@link FxVisitAdapter#addRenderListener}, so that it shoots after the view has been rendered.
 */
public final class ScreenRecorder implements Consumer<VisitView> {
    private static final Logger log = LoggerFactory.getLogger(ScreenRecorder.class);

    private final Path directory;
    private final Supplier<Scene> scene;
    private final List<Path> written = new CopyOnWriteArrayList<>();
    private String last;
    private int count;

    public ScreenRecorder(Path directory, Supplier<Scene> scene) {
        this.directory = directory;
        this.scene = scene;
    }

    @Override
    public void accept(VisitView v) {
        String phase = phase(v);
        String change = v.visit() + "/" + v.step() + "/" + phase + "/" + v.language() + "/" + v.elderMode();
        if (change.equals(last)) {
            return;
        }
        last = change;
        String name = String.format(Locale.ROOT, "%02d-%s%s.png", ++count, slug(v.step().name()), phase.isEmpty() ? "" : "-" + phase);
        try {
            written.add(Screenshots.save(scene.get(), directory.resolve(name)));
        } catch (IOException e) {
            log.warn("screenshot {} not written: {}", name, e.getMessage());
        }
    }

    /** The files written so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** The part of a step that changes what the screen shows: checking, reasons, the problem's kind, printing. */
    static String phase(VisitView v) {
        return switch (v.step()) {
            case IDENTIFY -> v.identifyPhase() == VisitView.IdentifyPhase.CHECKING ? "checking" : "";
            case EVALUATE -> v.evaluatePhase() == VisitView.EvaluatePhase.GRADE ? "" : slug(v.evaluatePhase().name());
            case PROBLEM -> v.problem().map(p -> slug(p.kind().name())).orElse("");
            case PRINT -> {
                PrintProgress doc = v.printProgress().get(PrintPart.DOCUMENT);
                yield doc == null ? "" : slug(doc.phase().name());
            }
            default -> "";
        };
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
