package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.VisitView;

/**
 * Progress of the A4 document and of the receipt, each as an icon and words. Ids: {@code #print-DOCUMENT},
 * {@code #print-RECEIPT} (rows), {@code #print-DOCUMENT-phase}, {@code #print-RECEIPT-phase} (their status texts).
 */
public final class PrintScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        VBox rows = new VBox();
        rows.getStyleClass().add("print-rows");
        for (PrintPart part : PrintPart.values()) {
            PrintProgress p = view.printProgress().getOrDefault(part, PrintProgress.of(part, PrintProgress.Phase.WAITING));
            rows.getChildren().add(row(p, t));
        }
        Node printer = Icon.PRINTER.node();
        printer.getStyleClass().add("icon-hero");
        HBox head = new HBox(printer, Widgets.heading(t.get("print.title")));
        head.getStyleClass().add("icon-text");
        head.setAlignment(Pos.CENTER_LEFT);
        VBox page = Widgets.page("print", head, Widgets.grow(), rows,
                Widgets.iconText(Icon.INFO, Widgets.label(t.get("print.note"), "status-big")), Widgets.grow());
        return page;
    }

    private static Node row(PrintProgress p, Texts t) {
        Node partIcon = (p.part() == PrintPart.DOCUMENT ? Icon.DOCUMENT : Icon.RECEIPT).node();
        partIcon.getStyleClass().add("icon-large");
        Label part = Widgets.label(t.get("print.part." + p.part()), "print-part");
        Node status = switch (p.phase()) {
            case CHECKING, PRINTING -> {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.getStyleClass().add("busy-indicator-small");
                yield spinner;
            }
            case DONE -> Icon.CHECK.node();
            case FAILED -> Icon.CROSS.node();
            case WAITING -> Icon.HOURGLASS.node();
            case SKIPPED -> Icon.MINUS.node();
        };
        String words = t.get("print.phase." + p.phase()) + p.error().map(e -> " — " + t.deviceError(e)).orElse("");
        Label phase = Widgets.label(words, "print-phase");
        phase.setId("print-" + p.part() + "-phase");
        HBox state = new HBox(status, phase);
        state.getStyleClass().addAll("print-state", "phase-" + p.phase().name().toLowerCase());
        state.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(partIcon, part, Widgets.grow(), state);
        row.setId("print-" + p.part());
        row.getStyleClass().addAll("card", "print-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
