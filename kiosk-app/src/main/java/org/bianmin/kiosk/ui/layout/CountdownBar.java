package org.bianmin.kiosk.ui.layout;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The band at the foot of every screen where the citizen is expected to act: seconds left and a
 * "more time" button, which grows and says so in words when time is nearly up. Hidden on the attract
 * screen, in maintenance and while the kiosk itself is busy. Ids: {@code #countdown-bar}, {@code #countdown}, {@code #more-time}.
 */
public final class CountdownBar {
    private final HBox bar;
    private final Label text = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button moreTime = new Button();
    private final HBox iconHolder = new HBox();

    public CountdownBar(Runnable onMoreTime) {
        text.setId("countdown");
        text.getStyleClass().add("countdown-text");
        progress.getStyleClass().add("countdown-progress");
        iconHolder.setAlignment(Pos.CENTER);
        moreTime.setId("more-time");
        moreTime.getStyleClass().addAll("kiosk-button", "more-time");
        moreTime.setGraphic(Icon.PLUS.node());
        moreTime.setFocusTraversable(false);
        moreTime.setOnAction(e -> onMoreTime.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar = new HBox(iconHolder, text, progress, grow, moreTime);
        bar.setId("countdown-bar");
        bar.getStyleClass().add("countdown");
        bar.setAlignment(Pos.CENTER_LEFT);
    }

    public HBox node() {
        return bar;
    }

    public void update(VisitView v, Texts t) {
        boolean show = v.step().inVisit() && !v.step().busy();
        bar.setVisible(show);
        bar.setManaged(show);
        if (!show) {
            return;
        }
        bar.getStyleClass().remove("warning");
        if (v.warning()) {
            bar.getStyleClass().add("warning");
        }
        iconHolder.getChildren().setAll((v.warning() ? Icon.WARNING : Icon.CLOCK).node());
        text.setText(t.format(v.warning() ? "countdown.warning" : "countdown", v.secondsLeft()));
        progress.setProgress(v.secondsTotal() <= 0 ? 0 : (double) v.secondsLeft() / v.secondsTotal());
        moreTime.setText(t.get("more-time"));
    }
}
