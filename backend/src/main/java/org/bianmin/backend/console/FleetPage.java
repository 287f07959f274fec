package org.bianmin.backend.console;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.fleet.Elapsed;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.fleet.KioskStatus;
import org.bianmin.backend.fleet.KioskSummary;

/**
 * The fleet table: every kiosk, online or not, with its failing devices, low paper, and each config layer's desired and
 * running version with the kiosk's status and reason; reloads every 10 s.
 */
final class FleetPage {
    static final int REFRESH_SECONDS = 10;
    // a kiosk's reason is cut to this in the table; its own page shows it whole
    private static final int REASON_CHARS = 120;

    private FleetPage() {
    }

    static void render(Context ctx, Console.Session session, Fleet fleet, ConfigStatus configStatus) {
        Instant now = fleet.now();
        List<KioskSummary> kiosks = fleet.kiosks();
        Map<String, ConfigStatus.KioskView> configs = new HashMap<>();
        configStatus.status(Optional.empty(), false).kiosks().forEach(k -> configs.put(k.kioskId(), k));
        long online = kiosks.stream().filter(k -> k.status() == KioskStatus.ONLINE).count();
        long offline = kiosks.stream().filter(k -> k.status() == KioskStatus.OFFLINE).count();
        long failing = kiosks.stream().filter(k -> !k.failingDevices().isEmpty()).count();
        long configFailed = configs.values().stream().filter(c -> c.state() == ConfigStatus.State.FAILED).count();
        long configPending = configs.values().stream().filter(c -> c.state() == ConfigStatus.State.PENDING).count();
        StringBuilder b = new StringBuilder();
        b.append("<h2>自助机总览 · Fleet</h2>\n<p>共 ").append(kiosks.size()).append(" 台：在线 ").append(online)
                .append("，离线 ").append(offline).append("，有故障设备 ").append(failing).append("，配置失败 ").append(configFailed)
                .append("，配置待应用 ").append(configPending).append(" · ")
                .append(kiosks.size()).append(" kiosks: ").append(online).append(" online, ").append(offline)
                .append(" offline, ").append(failing).append(" with failing devices, ").append(configFailed)
                .append(" with a failed config, ").append(configPending).append(" with a config pending. 更新于 · As of ")
                .append(Html.time(now)).append("（北京时间）</p>\n");
        b.append("<table id=\"fleet\">\n<thead><tr><th>自助机 · Kiosk</th><th>状态 · Status</th><th>最后心跳 · Last seen</th>")
                .append("<th>模式 · Mode</th><th>应用版本 · App</th><th>配置版本 期望 / 运行 · Config desired / running</th>")
                .append("<th>配置状态 · Config status</th>")
                .append("<th>故障设备 · Failing devices</th><th>纸张不足 · Paper low</th></tr></thead>\n<tbody>\n");
        for (KioskSummary k : kiosks) {
            ConfigStatus.KioskView config = configs.get(k.kioskId());
            b.append("<tr class=\"").append(rowClass(k, config))
                    .append("\"><td><a href=\"").append(Console.KIOSKS).append('/')
                    .append(Html.e(k.kioskId())).append("\">").append(Html.e(k.kioskId())).append("</a><br>")
                    .append(Html.e(k.name())).append("</td><td>").append(Html.status(k.status())).append("</td><td>")
                    .append(k.lastSeen() == null ? "—" : Html.e(Elapsed.chinese(k.lastSeen(), now)) + "<br><small>"
                            + Html.time(k.lastSeen()) + "</small>")
                    .append("</td><td>").append(mode(k.mode())).append("</td><td>").append(dash(k.appVersion()))
                    .append("</td>");
            configCells(b, k.kioskId(), config);
            b.append("<td>")
                    .append(k.failingDevices().isEmpty() ? "—" : "<span class=\"bad\">故障 failing: "
                            + Html.e(String.join(", ", k.failingDevices())) + "</span>")
                    .append("</td><td>")
                    .append(k.paperLow().isEmpty() ? "—" : "<span class=\"warn\">" + Html.e(String.join(", ", k.paperLow())) + "</span>")
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (kiosks.isEmpty()) {
            b.append("<p>尚未登记自助机 · No kiosk is registered yet.</p>\n");
        }
        ctx.contentType("text/html; charset=utf-8").result(Html.page("自助机总览 · Fleet", session, Console.NAV, b.toString(),
                REFRESH_SECONDS));
    }

    /** Each layer's desired / running version, then the config status with the reason of each failed layer. */
    private static void configCells(StringBuilder b, String kioskId, ConfigStatus.KioskView config) {
        if (config == null || config.layers().isEmpty()) {
            b.append("<td>—（未推送 none pushed）</td><td class=\"config-ok\">—</td>");
            return;
        }
        b.append("<td class=\"config-versions\">");
        for (ConfigStatus.LayerStatus l : config.layers()) {
            b.append(Html.e(layerName(l.target(), kioskId))).append(' ').append(Html.version(l.desired())).append(" / ")
                    .append(Html.version(l.running())).append("<br>");
        }
        b.append("</td><td class=\"").append(switch (config.state()) {
            case IN_SYNC -> "config-ok";
            case PENDING -> "config-pending";
            case FAILED -> "config-failed";
        }).append("\">").append(Html.configState(config.state()));
        for (ConfigStatus.LayerStatus l : config.layers()) {
            if (!l.status().equals("applied")) {
                b.append("<br>").append(Html.e(layerName(l.target(), kioskId))).append(' ').append(Html.version(l.desired()))
                        .append(": ").append(Html.layerStatus(l.status()));
                if (l.reason() != null && !l.status().equals("pending")) {
                    String reason = l.reason().length() > REASON_CHARS ? l.reason().substring(0, REASON_CHARS - 1) + "…" : l.reason();
                    b.append(" — ").append(Html.e(reason));
                }
            }
        }
        b.append("</td>");
    }

    /** {@code fleet}, {@code group:NAME}, or "本机 own" for the kiosk's own layer. */
    static String layerName(String target, String kioskId) {
        return target.equals("kiosk:" + kioskId) ? "本机 own" : target;
    }

    /**
     * Offline and never-seen rows are greyed, rows with failing devices or a failed config red, paper low yellow (each
     * also said in words).
     */
    static String rowClass(KioskSummary k, ConfigStatus.KioskView config) {
        boolean configFailed = config != null && config.state() == ConfigStatus.State.FAILED;
        return switch (k.status()) {
            case OFFLINE -> "offline";
            case NEVER_SEEN -> configFailed ? "failing" : "never-seen";
            case ONLINE -> !k.failingDevices().isEmpty() || configFailed ? "failing" : !k.paperLow().isEmpty() ? "warning" : "online";
        };
    }

    static String mode(String mode) {
        if (mode == null) {
            return "—";
        }
        return "maintenance".equals(mode) ? "<span class=\"warn\">维护中 maintenance</span>" : "服务中 service";
    }

    static String dash(Object value) {
        return value == null ? "—" : Html.e(value);
    }
}
