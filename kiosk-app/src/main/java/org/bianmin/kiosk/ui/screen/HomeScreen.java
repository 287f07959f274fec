package org.bianmin.kiosk.ui.screen;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.IdentifyMethod;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.ServiceTile;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The service tiles, in the backend's order, in two columns. A tile that cannot be
 * used now stays on screen, greyed, dashed and with the reason in words. Ids: {@code #service-<code>}
 * per tile, {@code #backend-offline} (banner), {@code #devices-out} (a banner naming each required device
 * that is out of service), {@code #card-read} (an ID card is on the reader already), {@code #notice-N} (the config's
 * notices, below the tiles).
 */
public final class HomeScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        VBox page = Widgets.page("home", Widgets.heading(t.get("home.title")));
        if (!view.backendOnline()) {
            HBox offline = Widgets.iconText(Icon.WARNING, Widgets.body(t.get("home.offline")));
            offline.setId("backend-offline");
            offline.getStyleClass().add("banner-warning");
            page.getChildren().add(offline);
        }
        if (!view.devicesOut().isEmpty()) {
            HBox out = Widgets.iconText(Icon.WARNING, Widgets.body(view.devicesOut().stream()
                    .map(d -> t.get("home.device-out." + d)).collect(Collectors.joining("\n"))));
            out.setId("devices-out");
            out.getStyleClass().add("banner-warning");
            page.getChildren().add(out);
        }
        if (view.cardOnReader() && view.backendOnline()) {
            HBox read = Widgets.iconText(Icon.CARD, Widgets.body(t.get("home.card-read")));
            read.setId("card-read");
            read.getStyleClass().add("banner-info");
            page.getChildren().add(read);
        }
        int columns = 2;
        GridPane tiles = new GridPane();
        tiles.getStyleClass().add("tiles");
        for (int i = 0; i < columns; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            tiles.getColumnConstraints().add(cc);
        }
        List<ServiceTile> services = view.services();
        for (int i = 0; i < services.size(); i++) {
            tiles.add(tile(services.get(i), view.elderMode(), t, c), i % columns, i / columns);
        }
        if (services.isEmpty()) {
            page.getChildren().add(Widgets.iconText(Icon.INFO, Widgets.body(t.get("home.empty"))));
        }
        // more services than fit scroll with a finger
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        page.getChildren().add(scroll);
        for (int i = 0; i < view.notices().size(); i++) {
            HBox notice = Widgets.iconText(Icon.INFO, Widgets.body(view.notices().get(i).in(view.language() == Language.EN ? "en" : "zh-CN")));
            notice.setId("notice-" + i);
            notice.getStyleClass().add("banner-info");
            page.getChildren().add(notice);
        }
        return page;
    }

    /** In elder mode a tile says only the service and how to identify: fewer words, larger. */
    private static Button tile(ServiceTile tile, boolean elder, Texts t, ScreenContext c) {
        Label name = Widgets.label(t.serviceName(tile.service()), "tile-name");
        Label department = Widgets.label(t.format("home.department", t.department(tile.service())), "tile-detail");
        boolean card = ServiceRules.methods(tile.code()).contains(IdentifyMethod.ID_CARD);
        HBox methods = Widgets.iconText(card ? Icon.CARD : Icon.DOCUMENT,
                Widgets.label(t.get(card ? "home.methods.ID_CARD_QR_CODE" : "home.methods.QR_CODE"), "tile-detail"));
        VBox text = elder ? new VBox(name, methods) : new VBox(name, department, methods);
        text.getStyleClass().add("tile-content");
        tile.unavailable().ifPresent(why -> {
            HBox reason = Widgets.iconText(Icon.PAUSE, Widgets.label(t.get("home.unavailable." + why), "tile-reason"));
            reason.getStyleClass().add("tile-reason-row");
            text.getChildren().add(reason);
        });
        // inside a button a wrapping label measures its height at no width: one line each, the tile is wide enough
        text.lookupAll(".label").forEach(n -> ((Label) n).setWrapText(false));
        HBox content = new HBox(text, Widgets.grow());
        content.setAlignment(Pos.CENTER_LEFT);
        if (tile.available()) {
            Node go = Icon.ARROW_RIGHT.node();
            go.getStyleClass().add("icon-large");
            content.getChildren().add(go);
        }
        Button b = new Button();
        b.setGraphic(content);
        // the arrow sits at the tile's right edge: the graphic spans the button's inner width
        content.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, b.getWidth() - b.snappedLeftInset() - b.snappedRightInset() - 2), b.widthProperty(), b.paddingProperty()));
        b.setId("service-" + tile.code());
        b.getStyleClass().add("tile");
        b.setAlignment(Pos.CENTER_LEFT);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMaxHeight(Double.MAX_VALUE);
        GridPane.setHgrow(b, Priority.ALWAYS);
        GridPane.setFillHeight(b, true);
        b.setFocusTraversable(false);
        if (tile.available()) {
            b.setOnAction(e -> c.inputs().chooseService(tile.code()));
        } else {
            b.getStyleClass().add("unavailable");
            b.setDisable(true);
        }
        return b;
    }
}
