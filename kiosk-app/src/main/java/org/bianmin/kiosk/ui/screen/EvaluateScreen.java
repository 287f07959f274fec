package org.bianmin.kiosk.ui.screen;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Drawings;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.VisitView;

/**
 * 好差评: five grades as big buttons with a face and a word; for a bad grade, its reasons to tick; then
 * thanks. Ids: {@code #grade-<GRADE>} (e.g. {@code #grade-VERY_SATISFIED}), {@code #skip-evaluation},
 * {@code #indicator-<code>}, {@code #send-evaluation}, {@code #back}, {@code #thanks}.
 */
public final class EvaluateScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        return switch (view.evaluatePhase()) {
            case GRADE -> grades(view, c);
            case REASONS -> reasons(view, c);
            case THANKS -> thanks(c.texts());
        };
    }

    private static Node grades(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        GridPane grades = new GridPane();
        grades.getStyleClass().add("grades");
        for (int i = 0; i < Grade.values().length; i++) {
            ColumnConstraints equal = new ColumnConstraints();
            equal.setPercentWidth(100.0 / Grade.values().length);
            grades.getColumnConstraints().add(equal);
        }
        double face = view.elderMode() ? 90 : 80;
        for (Grade g : Grade.values()) {
            Button b = new Button(t.get("grade." + g), Drawings.face(g, face));
            b.setId("grade-" + g);
            b.getStyleClass().addAll("kiosk-button", "grade");
            b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            b.setFocusTraversable(false);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setOnAction(e -> c.inputs().grade(g));
            grades.add(b, g.ordinal(), 0);
        }
        Node service = view.service().filter(s -> !view.elderMode()).map(s -> (Node) Widgets.subheading(t.serviceName(s)))
                .orElse(Widgets.grow());
        VBox page = Widgets.page("evaluate", Widgets.heading(t.get("evaluate.title")), service, Widgets.grow(), grades, Widgets.grow(),
                Widgets.actions(Widgets.secondary("skip-evaluation", t.get("evaluate.skip"), Icon.ARROW_RIGHT, c.inputs()::skipEvaluation)));
        return page;
    }

    private static Node reasons(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        List<IndicatorSet.Indicator> indicators = view.grade().flatMap(g -> view.indicators().map(set -> set.forGrade(g)))
                .orElse(List.of());
        FlowPane options = new FlowPane();
        options.getStyleClass().add("indicators");
        for (IndicatorSet.Indicator i : indicators) {
            boolean chosen = view.chosenIndicators().contains(i.code());
            ToggleButton b = new ToggleButton(t.indicator(i));
            b.setId("indicator-" + i.code());
            b.setSelected(chosen);
            // chosen shows a tick and a thicker border, not only a colour
            b.setGraphic((chosen ? Icon.CHECK : Icon.PLUS).node());
            b.getStyleClass().addAll("kiosk-button", "indicator");
            b.setFocusTraversable(false);
            b.setOnAction(e -> c.inputs().toggleIndicator(i.code()));
            options.getChildren().add(b);
        }
        HBox chosenGrade = new HBox();
        view.grade().ifPresent(g -> chosenGrade.getChildren().addAll(Drawings.face(g, view.elderMode() ? 64 : 48),
                Widgets.label(t.get("grade." + g), "subheading")));
        chosenGrade.getStyleClass().add("icon-text");
        chosenGrade.setAlignment(Pos.CENTER_LEFT);
        Button send = Widgets.primary("send-evaluation", t.get("evaluate.send"), Icon.CHECK, c.inputs()::sendEvaluation);
        send.setDisable(view.chosenIndicators().isEmpty());
        return Widgets.page("evaluate", Widgets.heading(t.get("evaluate.reasons.title")), chosenGrade, options, Widgets.grow(),
                Widgets.actions(Widgets.secondary("back", t.get("back"), Icon.ARROW_LEFT, c.inputs()::back), Widgets.grow(), send));
    }

    private static Node thanks(Texts t) {
        Node mark = Icon.CHECK.node();
        mark.getStyleClass().add("icon-hero");
        VBox box = Widgets.card(mark, Widgets.heading(t.get("evaluate.thanks.title")), Widgets.body(t.get("evaluate.thanks.text")));
        box.setId("thanks");
        box.getStyleClass().add("busy");
        box.setAlignment(Pos.CENTER);
        VBox page = Widgets.page("evaluate", Widgets.grow(), box, Widgets.grow());
        page.setAlignment(Pos.CENTER);
        return page;
    }
}
