package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.VisitView;

/**
 * Take your documents, and your card if it is still on the reader (said prominently). Ids:
 * {@code #done}, {@code #take-card}, {@code #receipt-missing}, {@code #case-number}, {@code #continue}.
 */
public final class DoneScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        Node mark = Icon.CHECK.node();
        mark.getStyleClass().add("icon-hero");
        VBox page = Widgets.page("done", new HBox(mark, Widgets.heading(t.get("done.title"))));
        page.setId("done");
        ((HBox) page.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        ((HBox) page.getChildren().get(0)).getStyleClass().add("icon-text");
        if (view.cardOnReader()) {
            HBox card = Widgets.iconText(Icon.CARD, Widgets.label(t.get("done.take-card"), "alert-text"));
            card.setId("take-card");
            card.getStyleClass().add("banner-alert");
            page.getChildren().add(card);
        }
        HBox take = Widgets.iconText(Icon.DOCUMENT,
                Widgets.label(t.get(view.receiptMissing() ? "done.take-document" : "done.take-documents"), "status-big"));
        page.getChildren().add(take);
        if (view.receiptMissing()) {
            HBox note = Widgets.iconText(Icon.INFO, Widgets.body(t.get("done.receipt-missing")));
            note.setId("receipt-missing");
            note.getStyleClass().add("banner-info");
            page.getChildren().add(note);
        }
        // the receipt carries the numbers; they are repeated here when it did not print, or when there is room
        view.ticket().filter(x -> view.receiptMissing() || !view.elderMode()).ifPresent(ticket -> {
            VBox numbers = Widgets.card(Widgets.body(t.format("done.case-number", ticket.caseNumber())),
                    Widgets.body(t.format("done.verification-code", ticket.verificationCode())));
            numbers.setId("case-number");
            page.getChildren().add(numbers);
        });
        page.getChildren().addAll(Widgets.grow(), Widgets.actions(Widgets.primary("continue", t.get("continue"), Icon.ARROW_RIGHT,
                c.inputs()::confirm)));
        return page;
    }
}
