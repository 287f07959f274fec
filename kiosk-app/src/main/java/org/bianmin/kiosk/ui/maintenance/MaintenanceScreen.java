package org.bianmin.kiosk.ui.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.link.TracingLink.Direction;
import org.bianmin.kiosk.devices.LinkTrace;
import org.bianmin.kiosk.maintenance.CheckResult;
import org.bianmin.kiosk.maintenance.DeviceAction;
import org.bianmin.kiosk.maintenance.DeviceStatus;
import org.bianmin.kiosk.maintenance.GpioState;
import org.bianmin.kiosk.maintenance.MaintenanceMode;
import org.bianmin.kiosk.maintenance.MaintenanceView;
import org.bianmin.kiosk.maintenance.MaintenanceView.KeypadNotice;
import org.bianmin.kiosk.maintenance.MaintenanceView.Page;
import org.bianmin.kiosk.maintenance.VersionInfo;
import org.bianmin.kiosk.maintenance.Volume;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.screen.Widgets;
import org.bianmin.kiosk.ui.theme.Icon;

/**
 * The technician's screens, built from {@link MaintenanceView}s: the PIN keypad (dots, never digits; large keys) and
 * the console's pages — devices, one device with its tests and hex trace, GPIO, versions, log, diagnostic bundle.
 * Buttons send their presses to {@link MaintenanceMode}; nothing is kept from a view beyond the next one.
 *
 * <p>Ids: keypad {@code #maintenance-keypad}, {@code #pin-dots}, {@code #keypad-notice}, {@code #key-0}…{@code #key-9},
 * {@code #key-delete}, {@code #key-ok}, {@code #key-cancel}; console {@code #maintenance-console}, {@code #nav-devices},
 * {@code #nav-gpio}, {@code #nav-versions}, {@code #nav-log}, {@code #nav-bundle}, {@code #maintenance-leave},
 * {@code #maintenance-idle}, {@code #device-NAME}, {@code #action-internal}, {@code #action-external},
 * {@code #action-status}, {@code #action-power}, {@code #power-reason}, {@code #result-ACTION}, {@code #trace},
 * {@code #trace-refresh}, {@code #light-guide-on} (and off, and fault), {@code #sensor-presence}, {@code #sensor-door},
 * {@code #power-DEVICE}, {@code #power-reason-DEVICE}, {@code #power-result-DEVICE},
 * {@code #version-app} (config, kiosk, java, os), {@code #log-lines}, {@code #volume-N}, {@code #bundle-upload},
 * {@code #bundle-outcome}.
 */
public final class MaintenanceScreen {
    /** Trace lines shown on a device's page: the newest. */
    static final int TRACE_SHOWN = 40;

    private final Optional<MaintenanceMode> inputs;
    private final Label idle = new Label();

    public MaintenanceScreen(Optional<MaintenanceMode> inputs) {
        this.inputs = inputs;
        idle.setId("maintenance-idle");
        idle.getStyleClass().add("maintenance-idle");
    }

    /** The view without its idle countdown: a tick updates the countdown, not the screen under the technician's finger. */
    public MaintenanceView key(MaintenanceView v) {
        return new MaintenanceView(v.phase(), v.pinDigits(), v.pinSetUp(), v.checking(), v.notice(), v.technician(), v.page(), v.device(),
                v.devices(), v.actions(), v.results(), v.running(), v.powerCycleUnavailable(), v.trace(), v.gpio(), v.power(), v.versions(),
                v.logLines(), v.volumes(), v.bundleBusy(), v.bundle(), 0);
    }

    public void updateCountdown(MaintenanceView v, Texts t) {
        idle.setText(v.phase() == MaintenanceView.Phase.CONSOLE ? t.format("maint.idle", Integer.toString(v.idleSecondsLeft())) : "");
    }

    public Node build(MaintenanceView v, Texts t) {
        return switch (v.phase()) {
            case CLOSED -> Widgets.page("maintenance", Widgets.heading(t.get("maint.title")));
            case KEYPAD -> keypad(v, t);
            case CONSOLE -> console(v, t);
        };
    }

    private void act(Consumer<MaintenanceMode> action) {
        inputs.ifPresent(action);
    }

    // ---- keypad ---------------------------------------------------------------------------------

    private Node keypad(MaintenanceView v, Texts t) {
        Label dots = Widgets.label(v.pinDigits() == 0 ? t.get("maint.keypad.empty") : "●".repeat(v.pinDigits()), "pin-dots");
        dots.setId("pin-dots");
        boolean locked = v.notice().map(n -> n.kind() == KeypadNotice.Kind.LOCKED).orElse(false);
        boolean takesDigits = v.pinSetUp() && !locked && !v.checking();
        GridPane keys = new GridPane();
        keys.getStyleClass().add("keypad");
        for (int d = 1; d <= 9; d++) {
            keys.add(key(d, takesDigits), (d - 1) % 3, (d - 1) / 3);
        }
        Button delete = Widgets.secondary("key-delete", t.get("maint.keypad.delete"), null, () -> act(MaintenanceMode::deleteDigit));
        delete.setDisable(!takesDigits || v.pinDigits() == 0);
        Button ok = Widgets.primary("key-ok", t.get("maint.keypad.ok"), Icon.CHECK, () -> act(MaintenanceMode::submitPin));
        ok.setDisable(!takesDigits || v.pinDigits() == 0);
        keys.add(delete, 0, 3);
        keys.add(key(0, takesDigits), 1, 3);
        keys.add(ok, 2, 3);
        keys.getChildren().forEach(n -> {
            Button key = (Button) n;
            key.getStyleClass().add("keypad-key");
            // every key fills its column, so the rows line up whatever the width of 删除 and 确定
            key.setMaxWidth(Double.MAX_VALUE);
        });
        keys.setAlignment(Pos.CENTER);

        VBox left = new VBox(Widgets.heading(t.get("maint.title")), Widgets.subheading(t.get("maint.keypad.prompt")),
                Widgets.body(t.get("maint.keypad.qr")), dots);
        left.getStyleClass().add("keypad-side");
        v.notice().ifPresent(n -> left.getChildren().add(notice(n, t)));
        if (v.checking()) {
            left.getChildren().add(Widgets.iconText(Icon.CLOCK, Widgets.body(t.get("maint.keypad.checking"))));
        }
        Button cancel = Widgets.secondary("key-cancel", t.get("maint.keypad.cancel"), Icon.EXIT, () -> act(MaintenanceMode::cancelKeypad));
        left.getChildren().addAll(Widgets.grow(), cancel);
        HBox body = new HBox(left, keys);
        body.getStyleClass().add("keypad-body");
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox page = Widgets.page("maintenance", body);
        page.setId("maintenance-keypad");
        return page;
    }

    private Button key(int digit, boolean enabled) {
        Button b = Widgets.secondary("key-" + digit, Integer.toString(digit), null, () -> act(m -> m.digit(digit)));
        b.setDisable(!enabled);
        return b;
    }

    private static Node notice(KeypadNotice n, Texts t) {
        String text = switch (n.kind()) {
            case WRONG_PIN -> t.format("maint.keypad.WRONG_PIN", Integer.toString(n.triesLeft()));
            case LOCKED -> t.format("maint.keypad.LOCKED", n.until().map(Times::clock).orElse("?"));
            case CODE_REFUSED -> t.format("maint.keypad.CODE_REFUSED", n.detail().orElse(t.get("maint.keypad.code-refused-generic")));
            default -> t.get("maint.keypad." + n.kind());
        };
        boolean alert = n.kind() == KeypadNotice.Kind.LOCKED || n.kind() == KeypadNotice.Kind.WRONG_PIN
                || n.kind() == KeypadNotice.Kind.CODE_REFUSED;
        HBox box = Widgets.iconText(alert ? Icon.WARNING : Icon.INFO, Widgets.label(text, "keypad-notice-text"));
        box.setId("keypad-notice");
        box.getStyleClass().add(alert ? "banner-alert" : "banner-info");
        return box;
    }

    // ---- console --------------------------------------------------------------------------------

    private Node console(MaintenanceView v, Texts t) {
        String who = v.technician().map(n -> t.format("maint.console.who", n)).orElse(t.get("maint.console.by-pin"));
        HBox top = new HBox(Widgets.heading(t.get("maint.title")), Widgets.label(who, "maintenance-who"), Widgets.grow(), idle,
                Widgets.primary("maintenance-leave", t.get("maint.leave"), Icon.EXIT, () -> act(MaintenanceMode::leave)));
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("maintenance-top");
        HBox nav = new HBox(
                navButton("nav-devices", t.get("maint.nav.devices"), Page.DEVICES, v),
                navButton("nav-gpio", t.get("maint.nav.gpio"), Page.GPIO, v),
                navButton("nav-versions", t.get("maint.nav.versions"), Page.VERSIONS, v),
                navButton("nav-log", t.get("maint.nav.log"), Page.LOG, v),
                navButton("nav-bundle", t.get("maint.nav.bundle"), Page.BUNDLE, v));
        nav.getStyleClass().add("maintenance-nav");
        Node body = switch (v.page()) {
            case DEVICES -> devices(v, t);
            case DEVICE -> device(v, t);
            case GPIO -> gpio(v, t);
            case VERSIONS -> versions(v, t);
            case LOG -> log(v, t);
            case BUNDLE -> bundle(v, t);
        };
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox page = Widgets.page("maintenance", top, nav, body);
        page.setId("maintenance-console");
        return page;
    }

    private Button navButton(String id, String text, Page target, MaintenanceView v) {
        Button b = Widgets.secondary(id, text, null, () -> act(m -> m.show(target)));
        if (v.page() == target || (target == Page.DEVICES && v.page() == Page.DEVICE)) {
            b.getStyleClass().add("on");
        }
        return b;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("plain-scroll");
        return s;
    }

    private Node devices(MaintenanceView v, Texts t) {
        VBox rows = new VBox();
        rows.getStyleClass().add("device-rows");
        for (DeviceStatus d : v.devices()) {
            Button row = new Button();
            row.setId("device-" + d.name());
            row.getStyleClass().addAll("kiosk-button", "device-row");
            row.setMaxWidth(Double.MAX_VALUE);
            row.setFocusTraversable(false);
            // one line each, never wrapped: a wrapping label inside a button asks for the height of its narrowest layout
            VBox text = new VBox(
                    new HBox(health(d.health(), t), line(deviceName(d.name(), t), "device-name"),
                            line(d.state().orElse(t.get("maint.state.none")) + (d.required() ? " · " + t.get("maint.required") : ""),
                                    "device-state")),
                    line(d.lastError().map(e -> t.format("maint.last-error", e.code(), e.detail())).orElse(t.get("maint.no-error")),
                            "device-detail"),
                    line(where(d, t) + "   " + counters(d.counters(), t), "device-detail"));
            ((HBox) text.getChildren().get(0)).setSpacing(12);
            row.setGraphic(text);
            row.setOnAction(e -> act(m -> m.showDevice(d.name())));
            rows.getChildren().add(row);
        }
        return scroll(rows);
    }

    private Node device(MaintenanceView v, Texts t) {
        String name = v.device().orElseThrow();
        DeviceStatus d = v.devices().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        VBox info = Widgets.card(new HBox(health(d == null ? DeviceStatus.Health.DOWN : d.health(), t),
                Widgets.label(deviceName(name, t), "device-name")));
        ((HBox) info.getChildren().get(0)).setSpacing(12);
        if (d != null) {
            info.getChildren().addAll(
                    Widgets.body(t.format("maint.device.state", d.state().orElse(t.get("maint.state.none")))),
                    Widgets.body(where(d, t)),
                    Widgets.body(d.lastError().map(e -> t.format("maint.last-error", e.code(), e.detail())).orElse(t.get("maint.no-error"))),
                    Widgets.body(counters(d.counters(), t)));
            d.paper().ifPresent(p -> info.getChildren().add(Widgets.body(t.format("maint.device.paper",
                    t.get("maint.paper." + p.name().toLowerCase(Locale.ROOT))))));
        }
        FlowPane buttons = new FlowPane();
        buttons.getStyleClass().add("action-buttons");
        VBox results = new VBox();
        results.getStyleClass().add("results");
        for (DeviceAction a : DeviceAction.values()) {
            if (!v.actions().contains(a)) {
                continue;
            }
            String label = a == DeviceAction.EXTERNAL_CHECK ? t.get("maint.action.external." + name) : t.get("maint.action." + a);
            Button b = Widgets.secondary(actionId(a), label, null, () -> act(m -> m.run(a)));
            boolean running = v.running().contains(a);
            b.setDisable(running || (a == DeviceAction.POWER_CYCLE && v.powerCycleUnavailable().isPresent()));
            buttons.getChildren().add(b);
            if (running) {
                Label l = Widgets.label(t.get(a == DeviceAction.EXTERNAL_CHECK ? "maint.running.external." + name : "maint.running"),
                        "result-running");
                l.setId("result-" + actionId(a));
                results.getChildren().add(l);
            } else if (v.results().containsKey(a)) {
                results.getChildren().add(result(v.results().get(a), t));
            }
        }
        if (v.actions().contains(DeviceAction.POWER_CYCLE) && v.powerCycleUnavailable().isPresent()) {
            Label reason = Widgets.label(t.format("maint.power.unavailable", t.get("maint.power." + v.powerCycleUnavailable().get())),
                    "device-detail");
            reason.setId("power-reason");
            results.getChildren().add(0, reason);
        }
        Button back = Widgets.secondary("nav-back", t.get("maint.back"), null, () -> act(m -> m.show(Page.DEVICES)));
        Button refresh = Widgets.secondary("trace-refresh", t.get("maint.trace.refresh"), null, () -> act(m -> m.showDevice(name)));
        VBox trace = new VBox();
        trace.setId("trace");
        trace.getStyleClass().add("trace");
        List<LinkTrace.Line> lines = v.trace();
        if (lines.isEmpty()) {
            trace.getChildren().add(Widgets.label(t.get("maint.trace.empty"), "trace-line"));
        }
        for (LinkTrace.Line l : lines.subList(Math.max(0, lines.size() - TRACE_SHOWN), lines.size())) {
            String dir = l.direction() == Direction.TX ? "→" : "←";
            String text = Times.clockMillis(l.at()) + " " + dir + " " + l.hex()
                    + (l.withheld() > 0 ? "  " + t.format("maint.trace.withheld", Integer.toString(l.withheld()), l.withheldWhat()) : "");
            trace.getChildren().add(Widgets.label(text, "trace-line"));
        }
        VBox left = new VBox(info, buttons, results);
        left.getStyleClass().add("device-side");
        VBox right = new VBox(new HBox(Widgets.subheading(t.get("maint.trace.title")), Widgets.grow(), refresh), scroll(trace));
        right.getStyleClass().add("trace-side");
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(left, right);
        body.getStyleClass().add("device-page");
        VBox page = new VBox(back, body);
        page.getStyleClass().add("device-rows");
        return page;
    }

    private static String actionId(DeviceAction a) {
        return switch (a) {
            case INTERNAL_CHECK -> "action-internal";
            case EXTERNAL_CHECK -> "action-external";
            case STATUS -> "action-status";
            case POWER_CYCLE -> "action-power";
        };
    }

    private static Node result(CheckResult r, Texts t) {
        List<String> args = r.args();
        if (r.key().equals("status.receipt") && args.size() == 2) {
            args = List.of(t.get("maint.paper." + args.get(0)), t.get("maint.cover." + args.get(1)));
        }
        String text = r.key().equals("power.unavailable") ? t.format("maint.power.unavailable", t.get("maint.power." + r.detail()))
                : t.format("maint.result." + r.key(), args.toArray())
                        + r.errorCode().map(c -> " [" + c + "]").orElse("") + (r.detail().isEmpty() ? "" : " — " + r.detail());
        HBox box = Widgets.iconText(r.ok() ? Icon.CHECK : Icon.WARNING, Widgets.label(text, "result-text"));
        box.setId("result-" + actionId(r.action()));
        box.getStyleClass().add(r.ok() ? "banner-info" : "banner-alert");
        return box;
    }

    private Node gpio(MaintenanceView v, Texts t) {
        GpioState g = v.gpio().orElse(null);
        if (g == null || g.unavailable().isPresent()) {
            Label l = Widgets.body(t.get("maint.gpio." + (g == null ? "no-gpio" : g.unavailable().get())));
            l.setId("gpio-unavailable");
            return Widgets.card(l);
        }
        VBox lights = Widgets.card(Widgets.subheading(t.get("maint.gpio.lights")),
                lightRow(Light.GUIDE, g.guideLight(), t), lightRow(Light.FAULT, g.faultLight(), t));
        Label presence = Widgets.body(t.get(g.someonePresent() ? "maint.gpio.presence.yes" : "maint.gpio.presence.no"));
        presence.setId("sensor-presence");
        Label door = Widgets.body(t.get(g.doorOpen() ? "maint.gpio.door.open" : "maint.gpio.door.closed"));
        door.setId("sensor-door");
        VBox sensors = Widgets.card(Widgets.subheading(t.get("maint.gpio.sensors")), presence, door);
        if (g.tamperAlarm()) {
            sensors.getChildren().add(Widgets.iconText(Icon.WARNING, Widgets.body(t.get("maint.gpio.tamper"))));
            Button ack = Widgets.secondary("tamper-ack", t.get("maint.gpio.tamper-ack"), null, () -> act(MaintenanceMode::acknowledgeTamper));
            sensors.getChildren().addAll(ack, Widgets.body(t.get("maint.gpio.tamper-ack-hint")));
        }
        VBox power = Widgets.card(Widgets.subheading(t.get("maint.gpio.power")));
        for (MaintenanceView.PowerRow row : v.power()) {
            Button b = Widgets.secondary("power-" + row.device(), deviceName(row.device(), t), null, () -> act(m -> m.powerCycle(row.device())));
            b.setDisable(row.running() || row.unavailable().isPresent());
            power.getChildren().add(b);
            row.unavailable().ifPresent(u -> power.getChildren().add(labelled("power-reason-" + row.device(),
                    t.format("maint.power.unavailable", t.get("maint.power." + u)))));
            if (row.running()) {
                power.getChildren().add(Widgets.body(t.get("maint.running")));
            }
            row.last().ifPresent(r -> {
                Node shown = result(r, t);
                shown.setId("power-result-" + row.device());
                power.getChildren().add(shown);
            });
        }
        HBox body = new HBox(lights, sensors, power);
        body.setFillHeight(false);
        body.getStyleClass().add("gpio-page");
        return body;
    }

    private HBox lightRow(Light light, boolean lit, Texts t) {
        String l = light.name().toLowerCase(Locale.ROOT);
        Label state = Widgets.body(t.get("maint.gpio.light." + l) + ": " + t.get(lit ? "maint.gpio.on" : "maint.gpio.off"));
        state.setId("light-" + l + "-state");
        Button on = Widgets.secondary("light-" + l + "-on", t.get("maint.gpio.turn-on"), null, () -> act(m -> m.setLight(light, true)));
        Button off = Widgets.secondary("light-" + l + "-off", t.get("maint.gpio.turn-off"), null, () -> act(m -> m.setLight(light, false)));
        HBox row = new HBox(state, Widgets.grow(), on, off);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("light-row");
        return row;
    }

    private static Node versions(MaintenanceView v, Texts t) {
        VersionInfo i = v.versions().orElseThrow();
        VBox card = Widgets.card(
                labelled("version-app", t.format("maint.version.app", i.app())),
                labelled("version-config", t.format("maint.version.config", Integer.toString(i.config()))),
                labelled("version-kiosk", t.format("maint.version.kiosk", i.kioskId())),
                labelled("version-java", t.format("maint.version.java", i.java())),
                labelled("version-os", t.format("maint.version.os", i.os())));
        return card;
    }

    private static Label labelled(String id, String text) {
        Label l = Widgets.body(text);
        l.setId(id);
        return l;
    }

    private Node log(MaintenanceView v, Texts t) {
        VBox lines = new VBox();
        lines.setId("log-lines");
        lines.getStyleClass().add("trace");
        if (v.logLines().isEmpty()) {
            lines.getChildren().add(Widgets.label(t.get("maint.log.empty"), "trace-line"));
        }
        v.logLines().forEach(l -> lines.getChildren().add(Widgets.label(l, "trace-line")));
        ScrollPane s = scroll(lines);
        s.setVvalue(1.0);
        Button refresh = Widgets.secondary("log-refresh", t.get("maint.log.refresh"), null, () -> act(MaintenanceMode::refreshLog));
        VBox.setVgrow(s, Priority.ALWAYS);
        return new VBox(new HBox(Widgets.subheading(t.get("maint.log.title")), Widgets.grow(), refresh), s);
    }

    private Node bundle(MaintenanceView v, Texts t) {
        VBox card = Widgets.card(Widgets.subheading(t.get("maint.bundle.title")), Widgets.body(t.get("maint.bundle.what")));
        List<Node> volumes = new ArrayList<>();
        int i = 0;
        for (Volume vol : v.volumes()) {
            Button b = Widgets.secondary("volume-" + i++, t.format("maint.bundle.save-to", vol.path().toString(), Times.size(vol.freeBytes())),
                    null, () -> act(m -> m.saveBundle(vol.path())));
            b.setDisable(v.bundleBusy());
            volumes.add(b);
        }
        if (volumes.isEmpty()) {
            Label none = Widgets.body(t.get("maint.bundle.no-volume"));
            none.setId("bundle-no-volume");
            volumes.add(none);
        }
        card.getChildren().addAll(volumes);
        Button refresh = Widgets.secondary("volumes-refresh", t.get("maint.bundle.refresh"), null, () -> act(MaintenanceMode::refreshVolumes));
        Button upload = Widgets.primary("bundle-upload", t.get("maint.bundle.upload"), null, () -> act(MaintenanceMode::uploadBundle));
        upload.setDisable(v.bundleBusy());
        refresh.setDisable(v.bundleBusy());
        card.getChildren().add(new HBox(16, refresh, upload));
        if (v.bundleBusy()) {
            card.getChildren().add(Widgets.iconText(Icon.CLOCK, Widgets.body(t.get("maint.bundle.busy"))));
        }
        v.bundle().ifPresent(o -> {
            String text = !o.ok() ? t.format("maint.bundle.failed", o.problem())
                    : o.savedTo().map(p -> t.format("maint.bundle.saved", p.toString(), Times.size(o.size())))
                            .orElseGet(() -> t.format("maint.bundle.uploaded", o.uploadedAs().orElse("?"), Times.size(o.size())));
            HBox box = Widgets.iconText(o.ok() ? Icon.CHECK : Icon.WARNING, Widgets.label(text, "result-text"));
            box.setId("bundle-outcome");
            box.getStyleClass().add(o.ok() ? "banner-info" : "banner-alert");
            card.getChildren().add(box);
        });
        return scroll(card);
    }

    // ---- bits -----------------------------------------------------------------------------------

    private static Label line(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }

    private static Label health(DeviceStatus.Health h, Texts t) {
        Label l = Widgets.label(t.get("maint.health." + h), "health-" + h.name().toLowerCase(Locale.ROOT));
        l.getStyleClass().add("health");
        l.setGraphic((h == DeviceStatus.Health.OK ? Icon.CHECK : Icon.WARNING).node());
        return l;
    }

    private static String deviceName(String name, Texts t) {
        return t.get("maint.device." + name);
    }

    private static String where(DeviceStatus d, Texts t) {
        return t.format("maint.where", d.port(), d.protocol()) + (d.baud().isPresent() ? " · " + d.baud().getAsInt() + " bps" : "");
    }

    private static String counters(Map<String, Long> counters, Texts t) {
        return counters.isEmpty() ? t.get("maint.counters.none")
                : t.format("maint.counters", counters.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }
}
