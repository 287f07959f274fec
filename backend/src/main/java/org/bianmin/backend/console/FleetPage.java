package org.bianmin.backend.console;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.bianmin.backend.fleet.Elapsed;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.fleet.KioskStatus;
import org.bianmin.backend.fleet.KioskSummary;

/** The fleet table: every kiosk, online or not, with its failing devices and low paper; reloads every 10 s. */
final class FleetPage {
    static final int REFRESH_SECONDS = 10;

    private FleetPage() {
    }

    static void render(Context ctx, String admin, Fleet fleet) {
        Instant now = fleet.now();
        List<KioskSummary> kiosks = fleet.kiosks();
        long online = kiosks.stream().filter(k -> k.status() == KioskStatus.ONLINE).count();
        long offline = kiosks.stream().filter(k -> k.status() == KioskStatus.OFFLINE).count();
        long failing = kiosks.stream().filter(k -> !k.failingDevices().isEmpty()).count();
        StringBuilder b = new StringBuilder();
        b.append("<h2>自助机总览 · Fleet</h2>\n<p>共 ").append(kiosks.size()).append(" 台：在线 ").append(online)
                .append("，离线 ").append(offline).append("，有故障设备 ").append(failing).append(" · ")
                .append(kiosks.size()).append(" kiosks: ").append(online).append(" online, ").append(offline)
                .append(" offline, ").append(failing).append(" with failing devices. 更新于 · As of ")
                .append(Html.time(now)).append("（北京时间）</p>\n");
        b.append("<table>\n<thead><tr><th>自助机 · Kiosk</th><th>状态 · Status</th><th>最后心跳 · Last seen</th>")
                .append("<th>模式 · Mode</th><th>应用版本 · App</th><th>配置版本 · Config</th>")
                .append("<th>故障设备 · Failing devices</th><th>纸张不足 · Paper low</th></tr></thead>\n<tbody>\n");
        for (KioskSummary k : kiosks) {
            b.append("<tr class=\"").append(rowClass(k)).append("\"><td><a href=\"").append(Console.KIOSKS).append('/')
                    .append(Html.e(k.kioskId())).append("\">").append(Html.e(k.kioskId())).append("</a><br>")
                    .append(Html.e(k.name())).append("</td><td>").append(Html.status(k.status())).append("</td><td>")
                    .append(k.lastSeen() == null ? "—" : Html.e(Elapsed.chinese(k.lastSeen(), now)) + "<br><small>"
                            + Html.time(k.lastSeen()) + "</small>")
                    .append("</td><td>").append(mode(k.mode())).append("</td><td>").append(dash(k.appVersion()))
                    .append("</td><td>").append(dash(k.configVersion())).append("</td><td>")
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
        ctx.contentType("text/html; charset=utf-8").result(Html.page("自助机总览 · Fleet", admin, Console.NAV, b.toString(),
                REFRESH_SECONDS));
    }

    /** offline and never-seen rows are greyed, rows with failing devices red, paper low yellow (each also said in words). */
    static String rowClass(KioskSummary k) {
        return switch (k.status()) {
            case OFFLINE -> "offline";
            case NEVER_SEEN -> "never-seen";
            case ONLINE -> !k.failingDevices().isEmpty() ? "failing" : !k.paperLow().isEmpty() ? "warning" : "online";
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
