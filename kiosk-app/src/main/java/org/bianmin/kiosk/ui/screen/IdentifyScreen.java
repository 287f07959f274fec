package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Drawings;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.IdentifyMethod;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.ShownIdentity;
import org.bianmin.kiosk.visit.VisitView;

/**
 * Place the ID card and/or scan a QR code, as the chosen service allows; then, while the backend
 * checks, the masked identity read. Ids: {@code #identify-card}, {@code #identify-qr} (the method
 * panels), {@code #identify-none}, {@code #checking}, {@code #identity-name}, {@code #identity-number},
 * {@code #back}.
 */
public final class IdentifyScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        String service = view.service().map(t::serviceName).orElse("");
        VBox page = Widgets.page("identify", Widgets.heading(t.get("identify.title")));
        if (!view.elderMode()) {
            page.getChildren().add(Widgets.subheading(service));
        }
        Node body = view.identifyPhase() == VisitView.IdentifyPhase.CHECKING ? checking(view, t) : waiting(view, c);
        VBox.setVgrow(body, Priority.ALWAYS);
        page.getChildren().addAll(body, Widgets.actions(Widgets.secondary("back", t.get("back"), Icon.ARROW_LEFT, c.inputs()::back),
                Widgets.grow()));
        return page;
    }

    private static Node waiting(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        // elder mode enlarges the words; the pictures give up room to them
        double scale = view.elderMode() ? 0.8 : 1.0;
        HBox panels = new HBox();
        panels.getStyleClass().add("identify-panels");
        panels.setAlignment(Pos.CENTER);
        if (view.methods().contains(IdentifyMethod.ID_CARD)) {
            Drawings.Animated a = Drawings.cardOntoReader(t.get("identify.reader"), scale);
            c.animate(a.animation());
            VBox card = method("identify-card", Icon.CARD, t.get("identify.card.title"), t.get("identify.card.text"), a.node());
            panels.getChildren().add(card);
        }
        if (view.methods().contains(IdentifyMethod.QR_CODE)) {
            if (!panels.getChildren().isEmpty()) {
                Label or = Widgets.label(t.get("identify.or"), "identify-or");
                panels.getChildren().add(or);
            }
            boolean citizen = view.service().map(s -> ServiceRules.methods(s.code()).contains(IdentifyMethod.ID_CARD)).orElse(true);
            Drawings.Animated a = Drawings.phoneToScanner(t.get("identify.scanner"), scale);
            c.animate(a.animation());
            panels.getChildren().add(method("identify-qr", Icon.DOCUMENT, t.get("identify.qr.title"),
                    t.get(citizen ? "identify.qr.text.citizen" : "identify.qr.text.licence"), a.node()));
        }
        if (panels.getChildren().isEmpty()) {
            HBox none = Widgets.iconText(Icon.WARNING, Widgets.body(t.get("identify.none")));
            none.setId("identify-none");
            none.getStyleClass().add("banner-warning");
            panels.getChildren().add(none);
        }
        return panels;
    }

    private static VBox method(String id, Icon icon, String title, String text, Node drawing) {
        Label heading = Widgets.label(title, "panel-title");
        Label how = Widgets.body(text);
        VBox box = Widgets.card(Widgets.iconText(icon, heading), how, Widgets.grow(), drawing);
        box.setId(id);
        box.getStyleClass().add("method");
        box.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Node checking(VisitView view, Texts t) {
        VBox box = Widgets.card();
        box.setId("checking");
        box.getStyleClass().add("checking");
        box.setAlignment(Pos.CENTER);
        view.identity().ifPresent(id -> addIdentity(box, id));
        boolean code = view.identity().map(i -> i.method() == IdentifyMethod.QR_CODE).orElse(false);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("busy-indicator");
        spinner.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.getChildren().addAll(spinner, Widgets.label(t.get(code ? "identify.checking.code" : "identify.checking"), "status-big"));
        VBox wrap = new VBox(box);
        wrap.setAlignment(Pos.CENTER);
        return wrap;
    }

    private static void addIdentity(VBox box, ShownIdentity id) {
        if (!id.displayName().isBlank()) {
            Label name = Widgets.label(id.displayName(), "identity-name");
            name.setId("identity-name");
            HBox row = Widgets.iconText(Icon.PERSON, name);
            row.setAlignment(Pos.CENTER);
            box.getChildren().add(row);
        }
        id.number().ifPresent(n -> {
            Label number = Widgets.label(n, "identity-number");
            number.setId("identity-number");
            box.getChildren().add(number);
        });
    }
}
