package org.bianmin.kiosk.ui.layout;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The band at the top of every screen: the kiosk's title, and (except on the attract screen and in
 * maintenance) the language switch, elder mode and Exit. Ids: {@code #lang-zh}, {@code #lang-en}, {@code #elder},
 * {@code #exit}. Each language button names its language in that language.
 */
public final class Header {
    private final HBox bar;
    private final Label title = new Label();
    private final HBox controls;
    private final ToggleButton zh;
    private final ToggleButton en;
    private final ToggleButton elder;
    private final Button exit;

    public Header(VisitMachine inputs, Optional<String> kioskName) {
        Label emblem = new Label("便民");
        emblem.getStyleClass().add("emblem-text");
        StackPane badge = new StackPane(emblem);
        badge.getStyleClass().add("emblem");
        title.getStyleClass().add("app-title");
        VBox titles = new VBox(title);
        titles.setAlignment(Pos.CENTER_LEFT);
        kioskName.ifPresent(n -> {
            Label name = new Label(n);
            name.getStyleClass().add("kiosk-name");
            titles.getChildren().add(name);
        });

        zh = toggle("lang-zh", "", () -> inputs.chooseLanguage(Language.ZH_CN));
        en = toggle("lang-en", "", () -> inputs.chooseLanguage(Language.EN));
        elder = toggle("elder", "", null);
        elder.setOnAction(e -> inputs.chooseElderMode(!elder.getStyleClass().contains("on")));
        exit = new Button();
        exit.setId("exit");
        exit.setGraphic(Icon.EXIT.node());
        exit.getStyleClass().addAll("header-button", "exit");
        exit.setFocusTraversable(false);
        exit.setOnAction(e -> inputs.exit());
        HBox languages = new HBox(zh, en);
        languages.getStyleClass().add("segmented");
        languages.setAlignment(Pos.CENTER);
        // the controls never shorten to "…": Exit and the switches must read in full; the title gives way instead
        for (javafx.scene.control.Control c : List.of(zh, en, elder, exit)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        titles.setMinWidth(0);
        title.setMinWidth(0);
        controls = new HBox(languages, elder, exit);
        controls.getStyleClass().add("header-controls");
        controls.setAlignment(Pos.CENTER_RIGHT);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar = new HBox(badge, titles, grow, controls);
        bar.getStyleClass().add("header");
        bar.setAlignment(Pos.CENTER_LEFT);
    }

    private static ToggleButton toggle(String id, String text, Runnable action) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.getStyleClass().add("header-button");
        b.setFocusTraversable(false);
        if (action != null) {
            b.setOnAction(e -> action.run());
        }
        return b;
    }

    public HBox node() {
        return bar;
    }

    public void update(VisitView v, Texts t) {
        title.setText(t.get("app.title"));
        // the attract screen offers its own start buttons; the controls leave the scene so ids stay unique
        boolean show = v.step().inVisit();
        if (show && !bar.getChildren().contains(controls)) {
            bar.getChildren().add(controls);
        } else if (!show) {
            bar.getChildren().remove(controls);
        }
        zh.setText(t.get("lang.zh"));
        en.setText(t.get("lang.en"));
        select(zh, v.language() == Language.ZH_CN);
        select(en, v.language() == Language.EN);
        select(elder, v.elderMode());
        elder.setText(t.get("elder"));
        // on: a tick and a filled button; off: a plus and an outline (never colour alone)
        elder.setGraphic((v.elderMode() ? Icon.CHECK : Icon.PLUS).node());
        exit.setText(t.get("exit"));
        exit.setVisible(v.exitAllowed());
        exit.setManaged(v.exitAllowed());
    }

    /** Selected state follows the view, not the press: a press only asks the machine. */
    private static void select(ToggleButton b, boolean on) {
        b.setSelected(on);
        b.getStyleClass().remove("on");
        if (on) {
            b.getStyleClass().add("on");
        }
    }
}
