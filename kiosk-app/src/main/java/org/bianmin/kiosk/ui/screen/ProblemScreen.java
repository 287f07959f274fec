package org.bianmin.kiosk.ui.screen;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.Problem;
import org.bianmin.kiosk.visit.VisitView;

/**
 * What went wrong and what to do next, in plain words, one screen per {@link org.bianmin.kiosk.visit.ProblemKind};
 * "try again" when the problem allows it, else "end". Ids: {@code #problem-<KIND>} (the page),
 * {@code #problem-title}, {@code #problem-what}, {@code #problem-next}, {@code #problem-device},
 * {@code #problem-code}, {@code #retry}, {@code #end}.
 */
public final class ProblemScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        if (view.problem().isEmpty()) {
            return Widgets.page("problem");
        }
        Problem p = view.problem().get();
        String k = "problem." + p.kind() + ".";
        Node mark = Icon.WARNING.node();
        mark.getStyleClass().add("icon-hero");
        Label title = Widgets.heading(t.get(k + "title"));
        title.setId("problem-title");
        HBox head = new HBox(mark, title);
        head.getStyleClass().add("icon-text");
        head.setAlignment(Pos.CENTER_LEFT);

        Label what = Widgets.label(t.get(k + "what"), "status-big");
        what.setId("problem-what");
        VBox card = Widgets.card(what);
        p.deviceError().ifPresent(e -> {
            Label device = Widgets.body(t.deviceError(e));
            device.setId("problem-device");
            card.getChildren().add(device);
        });
        Label next = Widgets.label(t.get(k + "next"), "next-step");
        next.setId("problem-next");
        HBox nextRow = Widgets.iconText(Icon.ARROW_RIGHT, next);
        nextRow.getStyleClass().add("banner-info");
        card.getChildren().add(nextRow);
        p.deviceError().ifPresent(e -> {
            Label code = Widgets.label(t.format("problem.code", e.code()), "fault-code");
            code.setId("problem-code");
            card.getChildren().add(code);
        });

        HBox actions = p.canRetry()
                ? Widgets.actions(Widgets.secondary("end", t.get("problem.end"), Icon.EXIT, c.inputs()::exit), Widgets.grow(),
                        Widgets.primary("retry", t.get(retryKey(p)), Icon.ARROW_RIGHT, c.inputs()::retry))
                : Widgets.actions(Widgets.primary("end", t.get("problem.end"), Icon.EXIT, c.inputs()::exit));
        VBox page = Widgets.page("problem", head, card, Widgets.grow(), actions);
        page.setId("problem-" + p.kind());
        return page;
    }

    private static String retryKey(Problem p) {
        return p.retryStep().map(s -> switch (s) {
            case HOME, IDENTIFY, FETCH, PRINT -> "problem.retry." + s;
            default -> "problem.retry";
        }).orElse("problem.retry");
    }
}
