package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.theme.Icon;

/** The few building blocks every screen is made of, each with the theme's style class. */
public final class Widgets {
    private Widgets() {}

    /** The screen's one main action: large, filled, icon and word. */
    public static Button primary(String id, String text, Icon icon, Runnable action) {
        return button(id, text, icon, action, "primary");
    }

    /** A second way on (back, skip): outlined, same height. */
    public static Button secondary(String id, String text, Icon icon, Runnable action) {
        return button(id, text, icon, action, "secondary");
    }

    private static Button button(String id, String text, Icon icon, Runnable action, String kind) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll("kiosk-button", kind);
        if (icon != null) {
            b.setGraphic(icon.node());
        }
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The screen's title. */
    public static Label heading(String text) {
        return label(text, "heading");
    }

    public static Label subheading(String text) {
        return label(text, "subheading");
    }

    public static Label body(String text) {
        return label(text, "body");
    }

    public static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** An icon and a text side by side: the pair every status on screen is shown as. */
    public static HBox iconText(Icon icon, Label text) {
        HBox box = new HBox(icon.node(), text);
        box.getStyleClass().add("icon-text");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A white card with a border: a panel of the screen. */
    public static VBox card(Node... children) {
        VBox v = new VBox(children);
        v.getStyleClass().add("card");
        return v;
    }

    public static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A row of actions at the foot of a screen: secondary ones left, the main one right. */
    public static HBox actions(Node... buttons) {
        HBox h = new HBox(buttons);
        h.getStyleClass().add("actions");
        h.setAlignment(Pos.CENTER_RIGHT);
        return h;
    }

    /** The standard screen layout: title, then content that takes the space, then actions. */
    public static VBox page(String styleClass, Node... children) {
        VBox v = new VBox(children);
        v.getStyleClass().addAll("page", styleClass);
        return v;
    }
}
