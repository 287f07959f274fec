package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.visit.VisitView;

/** The kiosk fetches and checks the document; nothing to press. Ids: {@code #fetching}. */
public final class FetchScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("busy-indicator");
        VBox box = Widgets.card(spinner, Widgets.label(t.get("fetch.title"), "status-big"), Widgets.body(t.get("fetch.text")));
        box.setId("fetching");
        box.getStyleClass().add("busy");
        box.setAlignment(Pos.CENTER);
        VBox page = Widgets.page("fetch", Widgets.grow(), box, Widgets.grow());
        page.setAlignment(Pos.CENTER);
        return page;
    }
}
