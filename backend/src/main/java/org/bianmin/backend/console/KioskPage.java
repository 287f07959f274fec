package org.bianmin.backend.console;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bianmin.backend.fleet.Elapsed;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.fleet.Heartbeat;
import org.bianmin.backend.fleet.HistoryEntry;
import org.bianmin.backend.fleet.KioskSummary;
import org.bianmin.backend.store.DiagnosticBundles;
import org.bianmin.backend.store.Store;

/**
 * One kiosk: its devices as last reported (health, state, paper, last error, counters), the services it has taken
 * out, its recent heartbeats with what changed in each, and its diagnostic bundles.
 */
final class KioskPage {
    static final int HISTORY_ROWS = 50;

    private KioskPage() {
    }

    static void render(Context ctx, String admin, Fleet fleet, Store store) {
        String kioskId = ctx.pathParam("kioskId");
        Optional<KioskSummary> found = fleet.kiosk(kioskId);
        if (found.isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(Html.page("未找到 · Not found", admin, Console.NAV,
                    "<p class=\"message\">没有登记这台自助机 · No kiosk " + Html.e(kioskId) + " is registered. "
                            + "<a href=\"" + Console.KIOSKS + "\">返回总览 · Back to the fleet</a></p>\n", 0));
            return;
        }
        KioskSummary k = found.get();
        Instant now = fleet.now();
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"").append(Console.KIOSKS).append("\">← 自助机总览 · Fleet</a></p>\n<h2>")
                .append(Html.e(k.name())).append(" <small>").append(Html.e(k.kioskId())).append("</small></h2>\n<p>")
                .append(Html.status(k.status())).append(" · 最后心跳 · Last seen: ")
                .append(k.lastSeen() == null ? "从未 never" : Html.e(Elapsed.chinese(k.lastSeen(), now)) + "（" + Html.time(k.lastSeen()) + "）")
                .append(" · 模式 · Mode: ").append(FleetPage.mode(k.mode()))
                .append(" · 应用 · App: ").append(FleetPage.dash(k.appVersion()))
                .append(" · 配置 · Config: ").append(FleetPage.dash(k.configVersion())).append("</p>\n");
        devices(b, k);
        if (!k.servicesOut().isEmpty()) {
            b.append("<p class=\"message\">暂停的服务 · Services out: ").append(Html.e(String.join(", ", k.servicesOut()))).append("</p>\n");
        }
        history(b, fleet.history(k.kioskId(), HISTORY_ROWS));
        bundles(b, store.diagnostics().list(k.kioskId()));
        ctx.contentType("text/html; charset=utf-8").result(Html.page(k.name(), admin, Console.NAV, b.toString(),
                FleetPage.REFRESH_SECONDS));
    }

    private static void devices(StringBuilder b, KioskSummary k) {
        b.append("<h3>设备 · Devices</h3>\n");
        if (k.devices().isEmpty()) {
            b.append("<p>尚无设备报告 · No device reported yet.</p>\n");
            return;
        }
        b.append("<table>\n<thead><tr><th>设备 · Device</th><th>必需 · Required</th><th>健康 · Health</th>")
                .append("<th>状态 · State</th><th>纸张 · Paper</th><th>最近错误 · Last error</th><th>计数 · Counters</th></tr></thead>\n<tbody>\n");
        for (Heartbeat.DeviceHealth d : k.devices()) {
            String row = d.failing() ? "failing" : "warning".equals(d.health()) || d.paperLow() ? "warning" : "ok";
            b.append("<tr class=\"").append(row).append("\"><td>").append(Html.e(d.name())).append("</td><td>")
                    .append(Boolean.TRUE.equals(d.required()) ? "是 yes" : "否 no").append("</td><td>").append(Html.health(d.health()))
                    .append("</td><td>").append(Html.e(d.state())).append("</td><td>").append(Html.paper(d.paper())).append("</td><td>");
            if (d.lastError() == null) {
                b.append("—");
            } else {
                b.append("<strong>").append(Html.e(d.lastError().code())).append("</strong> ").append(Html.e(d.lastError().detail()))
                        .append("<br><small>").append(Html.time(d.lastError().at())).append("</small>");
            }
            b.append("</td><td>").append(Html.e(d.counters().entrySet().stream().map(c -> c.getKey() + " " + c.getValue())
                    .collect(Collectors.joining(", ")))).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void history(StringBuilder b, List<HistoryEntry> entries) {
        b.append("<h3>设备历史 · Device history</h3>\n");
        if (entries.isEmpty()) {
            b.append("<p>尚无心跳 · No heartbeat yet.</p>\n");
            return;
        }
        b.append("<p>最近 ").append(entries.size()).append(" 次心跳，新的在前；有变化的行已标出 · The latest ")
                .append(entries.size()).append(" heartbeats, newest first; rows with changes are marked.</p>\n")
                .append("<table>\n<thead><tr><th>接收时间 · Received</th><th>模式 · Mode</th><th>应用 · App</th>")
                .append("<th>配置 · Config</th><th>设备 · Devices</th><th>变化 · Changes</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry e = entries.get(i);
            List<String> changes = i + 1 < entries.size() ? e.changesSince(entries.get(i + 1)) : List.of();
            b.append("<tr").append(changes.isEmpty() ? "" : " class=\"changed\"").append("><td>").append(Html.time(e.receivedAt()))
                    .append("</td><td>").append(FleetPage.mode(e.mode())).append("</td><td>").append(Html.e(e.appVersion()))
                    .append("</td><td>").append(e.configVersion()).append("</td><td>");
            for (HistoryEntry.DeviceLine d : e.devices()) {
                b.append(Html.e(d.name())).append(": ").append(Html.health(d.health()));
                if (d.lastError() != null && !"ok".equals(d.health())) {
                    b.append(" (").append(Html.e(d.lastError())).append(')');
                }
                if (d.paper() != null && !"ok".equals(d.paper())) {
                    b.append(" ").append(Html.paper(d.paper()));
                }
                b.append("<br>");
            }
            b.append("</td><td>").append(changes.isEmpty() ? "—" : changes.stream().map(Html::e)
                    .map(c -> "<strong>" + c + "</strong>").collect(Collectors.joining("<br>"))).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void bundles(StringBuilder b, List<DiagnosticBundles.Bundle> bundles) {
        b.append("<h3>诊断包 · Diagnostic bundles</h3>\n");
        if (bundles.isEmpty()) {
            b.append("<p>没有上传的诊断包 · No bundle was uploaded.</p>\n");
            return;
        }
        b.append("<table>\n<thead><tr><th>上传时间 · Received</th><th>大小 · Size</th><th>SHA-256</th><th></th></tr></thead>\n<tbody>\n");
        for (DiagnosticBundles.Bundle bundle : bundles) {
            b.append("<tr><td>").append(Html.time(bundle.receivedAt())).append("</td><td>").append(bundle.size())
                    .append(" bytes</td><td><code>").append(Html.e(bundle.sha256())).append("</code></td><td><a href=\"")
                    .append(Console.ROOT).append("/diagnostics/").append(Html.e(bundle.id())).append("\">下载 · Download</a></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }
}
