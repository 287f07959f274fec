package org.bianmin.kiosk.ui.screen;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bianmin.config.GuideOverride;
import org.bianmin.config.LocalizedText;
import org.bianmin.kiosk.backend.Guide;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.IdentifyMethod;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.VisitView;

/**
 * 办事指南 of the chosen service under the masked identity, and one big 确认办理. A field the kiosk's config changes
 * shows the config's text in the visit's language instead of the backend's, and the config's local note (the office's
 * address or hours) shows under the guide. Ids: {@code #guide}, {@code #identity-name}, {@code #identity-number},
 * {@code #guide-note}, {@code #confirm}, {@code #back}.
 */
public final class GuideScreen implements Screen {

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        // in elder mode the service's name heads the guide, leaving the room to the guide itself
        VBox page = view.elderMode() ? Widgets.page("guide") : Widgets.page("guide", Widgets.heading(t.get("guide.title")));
        page.setId("guide");
        view.identity().ifPresent(id -> {
            boolean citizen = view.service().map(sv -> ServiceRules.methods(sv.code()).contains(IdentifyMethod.ID_CARD)).orElse(true);
            Label who = Widgets.label(t.get(citizen ? "guide.applicant" : "guide.holder"), "identity-caption");
            Label name = Widgets.label(id.displayName(), "identity-name");
            name.setId("identity-name");
            HBox bar = new HBox(Icon.PERSON.node(), who, name);
            id.number().ifPresent(n -> {
                Label number = Widgets.label(n, "identity-number");
                number.setId("identity-number");
                bar.getChildren().add(number);
            });
            bar.getStyleClass().add("identity-bar");
            bar.setAlignment(Pos.CENTER_LEFT);
            page.getChildren().add(bar);
        });
        view.service().ifPresent(s -> page.getChildren().add(sections(s, view.guideOverride(), t)));
        page.getChildren().add(Widgets.actions(Widgets.secondary("back", t.get("back"), Icon.ARROW_LEFT, c.inputs()::back), Widgets.grow(),
                Widgets.primary("confirm", t.get("confirm"), Icon.CHECK, c.inputs()::confirm)));
        return page;
    }

    private static Node sections(ServiceInfo s, Optional<GuideOverride> o, Texts t) {
        Guide g = s.guide();
        String key = "service." + s.code() + ".guide.";
        String language = t.language().code();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-grid");
        int row = 0;
        grid.addRow(row++, caption(t.get("guide.department")), text(t.department(s)));
        grid.addRow(row++, caption(t.get("guide.conditions")), text(or(o.flatMap(GuideOverride::acceptanceConditions), language,
                () -> t.translated(key + "conditions", g.acceptanceConditions()))));
        grid.addRow(row++, caption(t.get("guide.materials")), list(orItems(o.flatMap(GuideOverride::materials), language,
                () -> lines(t, key + "materials", g.materials())), false));
        grid.addRow(row++, caption(t.get("guide.steps")), list(orItems(o.flatMap(GuideOverride::steps), language,
                () -> lines(t, key + "steps", g.steps())), true));
        grid.addRow(row++, caption(t.get("guide.time-limit")), text(or(o.flatMap(GuideOverride::timeLimit), language,
                () -> t.translated(key + "time-limit", g.timeLimit()))));
        grid.addRow(row, caption(t.get("guide.result")), text(or(o.flatMap(GuideOverride::result), language,
                () -> t.translated(key + "result", g.result()))));
        VBox head = new VBox(Widgets.label(t.serviceName(s), "guide-service"), grid);
        o.flatMap(GuideOverride::note).ifPresent(n -> {
            Label words = Widgets.body(n.in(language));
            words.setId("guide-note");
            HBox note = Widgets.iconText(Icon.INFO, words);
            note.getStyleClass().add("banner-info");
            head.getChildren().add(note);
        });
        head.getStyleClass().add("card");
        ScrollPane scroll = new ScrollPane(head);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.getStyleClass().add("guide-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    /** The config's text in {@code language} where it sets one, else the backend's. */
    private static String or(Optional<LocalizedText> config, String language, Supplier<String> backend) {
        return config.map(c -> c.in(language)).orElseGet(backend);
    }

    private static List<String> orItems(Optional<List<LocalizedText>> config, String language, Supplier<List<String>> backend) {
        return config.map(items -> items.stream().map(c -> c.in(language)).toList()).orElseGet(backend);
    }

    /** The English bundle gives a list as one text with items separated by '|'. */
    private static List<String> lines(Texts t, String key, List<String> backend) {
        String joined = t.translated(key, String.join("|", backend));
        return Arrays.stream(joined.split("\\|")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static Label caption(String s) {
        Label l = Widgets.label(s, "guide-caption");
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return l;
    }

    private static Label text(String s) {
        Label l = Widgets.body(s);
        GridPane.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    private static VBox list(List<String> items, boolean numbered) {
        VBox v = new VBox();
        v.getStyleClass().add("guide-list");
        for (int i = 0; i < items.size(); i++) {
            v.getChildren().add(Widgets.body((numbered ? (i + 1) + ". " : "• ") + items.get(i)));
        }
        GridPane.setHgrow(v, Priority.ALWAYS);
        return v;
    }
}
