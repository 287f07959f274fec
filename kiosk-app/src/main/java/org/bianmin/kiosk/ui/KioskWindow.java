package org.bianmin.kiosk.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.animation.Animation;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.bianmin.kiosk.ui.layout.CountdownBar;
import org.bianmin.kiosk.maintenance.MaintenanceMode;
import org.bianmin.kiosk.maintenance.MaintenanceView;
import org.bianmin.kiosk.ui.layout.Header;
import org.bianmin.kiosk.ui.maintenance.MaintenanceScreen;
import org.bianmin.kiosk.ui.screen.DoneScreen;
import org.bianmin.kiosk.ui.screen.EvaluateScreen;
import org.bianmin.kiosk.ui.screen.FetchScreen;
import org.bianmin.kiosk.ui.screen.GuideScreen;
import org.bianmin.kiosk.ui.screen.HomeScreen;
import org.bianmin.kiosk.ui.screen.IdentifyScreen;
import org.bianmin.kiosk.ui.screen.IdleScreen;
import org.bianmin.kiosk.ui.screen.PreviewScreen;
import org.bianmin.kiosk.ui.screen.PrintScreen;
import org.bianmin.kiosk.ui.screen.ProblemScreen;
import org.bianmin.kiosk.ui.screen.ScreenContext;
import org.bianmin.kiosk.ui.screen.Widgets;
import org.bianmin.kiosk.ui.theme.ChineseFont;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The kiosk's one window and one scene: header, the current step's screen, the countdown. Full screen
 * and undecorated with no way out to the desktop (no exit key, close requests refused, no context
 * menus, no text fields). Every touch is passed to the machine (it wakes the kiosk or restarts the
 * countdown), or in maintenance to maintenance mode. On the attract screen a corner target no citizen
 * taps five times ({@code #maintenance-corner}) opens the technician's keypad. All methods but
 * {@link #scene()} run on the FX thread.
 */
public final class KioskWindow {
    /** The headless screen and the development window: a 1920 × 1080 kiosk panel. */
    private static final double WIDTH = 1920;
    private static final double HEIGHT = 1080;

    private final Stage stage;
    private final Scene scene;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final VBox hint = new VBox();
    private final Header header;
    private final CountdownBar countdown;
    private final VisitMachine inputs;
    private final Map<Step, org.bianmin.kiosk.ui.screen.Screen> screens = new EnumMap<>(Step.class);
    private final PreviewScreen preview = new PreviewScreen();
    private final Map<Language, Texts> texts = new EnumMap<>(Language.class);
    private final List<Animation> animations = new ArrayList<>();
    private VisitView shownContent;
    private final Optional<MaintenanceMode> maintenance;
    private final MaintenanceScreen maintenanceScreen;
    private final Region corner = new Region();
    private MaintenanceView maintenanceView = MaintenanceView.closed();
    private MaintenanceView shownMaintenance;

    private KioskWindow(Stage stage, VisitMachine inputs, Optional<MaintenanceMode> maintenance, UiOptions options, String fontFamily) {
        this.stage = stage;
        this.inputs = inputs;
        this.maintenance = maintenance;
        this.maintenanceScreen = new MaintenanceScreen(maintenance);
        corner.setId("maintenance-corner");
        corner.getStyleClass().add("maintenance-corner");
        corner.setPickOnBounds(true);
        StackPane.setAlignment(corner, Pos.TOP_RIGHT);
        for (Language l : Language.values()) {
            texts.put(l, Texts.of(l));
        }
        screens.put(Step.IDLE, new IdleScreen());
        screens.put(Step.HOME, new HomeScreen());
        screens.put(Step.IDENTIFY, new IdentifyScreen());
        screens.put(Step.SERVICE_GUIDE, new GuideScreen());
        screens.put(Step.FETCH, new FetchScreen());
        screens.put(Step.PREVIEW, preview);
        screens.put(Step.PRINT, new PrintScreen());
        screens.put(Step.DONE, new DoneScreen());
        screens.put(Step.EVALUATE, new EvaluateScreen());
        screens.put(Step.PROBLEM, new ProblemScreen());

        header = new Header(inputs, options.kioskName());
        countdown = new CountdownBar(inputs::moreTime);
        hint.getStyleClass().add("hint-area");
        content.getStyleClass().add("content");
        // a screen taller than the space is cut, never allowed to push the countdown off the screen
        content.setMinSize(0, 0);
        content.setAlignment(Pos.TOP_CENTER);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(content.widthProperty());
        clip.heightProperty().bind(content.heightProperty());
        content.setClip(clip);
        root.setTop(new VBox(header.node(), hint));
        root.setCenter(content);
        root.setBottom(countdown.node());
        root.getStyleClass().add("kiosk");
        root.setStyle("-fx-font-family: \"" + fontFamily + "\";");

        Rectangle2D screen = Screen.getPrimary().getBounds();
        scene = new Scene(root, options.fullScreen() ? screen.getWidth() : Math.min(WIDTH, screen.getWidth()),
                options.fullScreen() ? screen.getHeight() : Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(KioskWindow.class.getResource("theme/kiosk.css")).toExternalForm());
        scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, Event::consume);
        // a press restarts the countdown; the attract screen wakes on release instead, so that the press of
        // one of its buttons is not lost when the screen changes under the finger
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!idle()) {
                touched();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (idle() && e.getTarget() == corner) {
                maintenance.ifPresent(MaintenanceMode::cornerTapped);
            } else if (idle()) {
                inputs.touch();
            }
        });
        if (options.hideCursor()) {
            scene.setCursor(Cursor.NONE);
        }
        stage.setScene(scene);
        stage.setTitle(texts.get(Language.ZH_CN).get("app.title"));
        stage.setOnCloseRequest(Event::consume);
        if (options.fullScreen()) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            // nothing but the kiosk leaves full screen; if the window system does, go back
            stage.fullScreenProperty().addListener((o, was, is) -> {
                if (!is) {
                    stage.setFullScreen(true);
                }
            });
        }
    }

    /**
     * Loads the Chinese font, builds the window on {@code stage} (not yet shown) and shows it; call on the
     * FX thread. Render views into it through an {@link FxVisitAdapter}.
     *
     * @throws UiStartException when no Chinese font can be found
     */
    public static KioskWindow open(Stage stage, VisitMachine inputs, UiOptions options) {
        return open(stage, inputs, Optional.empty(), options);
    }

    /**
     * As {@link #open(Stage, VisitMachine, UiOptions)}, with the technician's maintenance mode behind the idle screen's
     * corner; render its views with {@link #renderMaintenance}.
     */
    public static KioskWindow open(Stage stage, VisitMachine inputs, Optional<MaintenanceMode> maintenance, UiOptions options) {
        String family = ChineseFont.search(options.fontFile()).load();
        if (options.fullScreen()) {
            stage.initStyle(StageStyle.UNDECORATED);
        }
        KioskWindow w = new KioskWindow(stage, inputs, maintenance, options, family);
        stage.show();
        return w;
    }

    /** Draws a view: header and countdown always, the screen when what it shows has changed. */
    public void render(VisitView v) {
        Texts t = texts.get(v.language());
        root.getStyleClass().remove("elder");
        if (v.elderMode()) {
            root.getStyleClass().add("elder");
        }
        header.update(v, t);
        countdown.update(v, t);
        for (org.bianmin.kiosk.ui.screen.Screen s : screens.values()) {
            s.observe(v);
        }
        VisitView key = withoutCountdown(v);
        if (!key.equals(shownContent)) {
            shownContent = key;
            showHint(v, t);
            animations.forEach(Animation::stop);
            animations.clear();
            if (v.step() == Step.MAINTENANCE) {
                shownMaintenance = null;
                showMaintenance();
                return;
            }
            Node screen = screens.get(v.step()).build(v, new ScreenContext(t, inputs, animations::add));
            content.getChildren().setAll(screen);
            if (v.step() == Step.IDLE && maintenance.isPresent()) {
                content.getChildren().add(corner);
            }
        }
    }

    /** Draws a view of maintenance mode: the keypad or the console, when the kiosk is held for the technician. */
    public void renderMaintenance(MaintenanceView m) {
        maintenanceView = m;
        if (shownContent != null && shownContent.step() == Step.MAINTENANCE) {
            showMaintenance();
        }
    }

    private void showMaintenance() {
        MaintenanceView key = maintenanceScreen.key(maintenanceView);
        Texts t = texts.get(shownContent.language());
        if (!key.equals(shownMaintenance)) {
            shownMaintenance = key;
            content.getChildren().setAll(maintenanceScreen.build(maintenanceView, t));
        }
        maintenanceScreen.updateCountdown(maintenanceView, t);
    }

    private void touched() {
        if (shownContent != null && shownContent.step() == Step.MAINTENANCE) {
            maintenance.ifPresent(MaintenanceMode::touch);
        } else {
            inputs.touch();
        }
    }

    private void showHint(VisitView v, Texts t) {
        hint.getChildren().clear();
        v.hint().ifPresent(h -> {
            String words = h.deviceError().map(t::deviceError).orElseGet(() -> t.get("hint." + h.kind()));
            HBox banner = Widgets.iconText(Icon.WARNING, Widgets.label(words, "hint-text"));
            banner.setId("hint");
            banner.getStyleClass().add("banner-warning");
            hint.getChildren().add(banner);
        });
    }

    private boolean idle() {
        return shownContent == null || shownContent.step() == Step.IDLE;
    }

    /** The view without its countdown, so a tick redraws the countdown and not the screen. */
    private static VisitView withoutCountdown(VisitView v) {
        return new VisitView(v.visit(), v.step(), v.language(), v.elderMode(), 0, 0, false, v.backendOnline(), v.services(),
                v.service(), v.methods(), v.identifyPhase(), v.hint(), v.identity(), v.pages(), v.page(), v.zoom(),
                v.printProgress(), v.ticket(), v.receiptMissing(), v.cardOnReader(), v.indicators(), v.evaluatePhase(),
                v.grade(), v.chosenIndicators(), v.problem(), v.devicesOut(), v.notices(), v.guideOverride());
    }

    /**
     * Presses the button with this id, as a finger would, if it is on screen and enabled (the headless
     * demo drives visits this way). {@code idle} touches the attract screen.
     *
     * @return whether something was pressed
     */
    public boolean press(String id) {
        // a screen built since the last pulse has no skins yet: the tiles inside its scroll pane are not in the graph
        root.applyCss();
        Node n = scene.lookup("#" + id);
        if (n == null || !n.isVisible() || n.isDisabled()) {
            return false;
        }
        if (n instanceof ButtonBase b) {
            if (!idle()) {
                touched();
            }
            b.fire();
            return true;
        }
        if ("idle".equals(id)) {
            inputs.touch();
            return true;
        }
        if (n == corner) {
            maintenance.ifPresent(MaintenanceMode::cornerTapped);
            return true;
        }
        return false;
    }

    /** The scene, for screenshots; read it on the FX thread. */
    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    /** How many preview page images the window holds (none outside the preview). */
    public int heldPreviewImages() {
        return preview.heldImages();
    }

    /** Text keys a screen asked for that a bundle lacks, over both languages (empty when complete). */
    public Set<String> missingTextKeys() {
        Set<String> all = new HashSet<>();
        texts.values().forEach(x -> all.addAll(x.missingKeys()));
        return all;
    }
}
