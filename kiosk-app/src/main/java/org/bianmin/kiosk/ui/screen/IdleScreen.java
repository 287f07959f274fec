package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Drawings;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The attract screen: a touch anywhere, a card or a code starts a visit (the window passes the touch to
 * the machine). Ids: {@code #idle} (the whole screen), {@code #idle-prompt}, {@code #lang-en} (start in
 * English), {@code #elder} (start in elder mode), {@code #idle-offline} (the platform cannot be reached).
 */
public final class IdleScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        Drawings.Animated card = Drawings.cardOntoReader(t.get("identify.reader"), 1.3);
        c.animate(card.animation());

        Label welcome = Widgets.label(t.get("idle.welcome"), "idle-welcome");
        Label prompt = Widgets.label(t.get("idle.prompt"), "idle-prompt");
        prompt.setId("idle-prompt");
        Label offer = Widgets.label(t.get("idle.offer"), "idle-offer");

        VBox notices = Widgets.card(
                Widgets.iconText(Icon.INFO, Widgets.body(t.get("idle.notice.stay"))),
                Widgets.iconText(Icon.INFO, Widgets.body(t.get("idle.notice.privacy"))),
                Widgets.iconText(Icon.INFO, Widgets.body(t.get("idle.notice.help"))));
        notices.getStyleClass().add("notices");
        if (!view.backendOnline()) {
            HBox offline = Widgets.iconText(Icon.WARNING, Widgets.body(t.get("idle.offline")));
            offline.setId("idle-offline");
            offline.getStyleClass().add("banner-warning");
            notices.getChildren().add(0, offline);
        }

        HBox starts = new HBox(
                Widgets.secondary("lang-en", t.get("lang.en"), null, () -> c.inputs().chooseLanguage(Language.EN)),
                Widgets.secondary("elder", t.get("idle.elder"), Icon.PLUS, () -> c.inputs().chooseElderMode(true)));
        starts.getStyleClass().add("idle-starts");
        starts.setAlignment(Pos.CENTER);

        VBox text = new VBox(welcome, prompt, offer);
        text.getStyleClass().add("idle-text");
        text.setAlignment(Pos.CENTER_LEFT);
        HBox hero = new HBox(card.node(), text);
        hero.getStyleClass().add("idle-hero");
        hero.setAlignment(Pos.CENTER);

        VBox page = Widgets.page("idle", Widgets.grow(), hero, notices, Widgets.grow(), starts);
        page.setId("idle");
        page.setAlignment(Pos.CENTER);
        return page;
    }
}
