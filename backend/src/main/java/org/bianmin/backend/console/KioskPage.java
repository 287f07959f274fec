package org.bianmin.backend.console;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.fleet.Elapsed;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.fleet.Heartbeat;
import org.bianmin.backend.fleet.HistoryEntry;
import org.bianmin.backend.fleet.KioskSummary;
import org.bianmin.backend.store.DiagnosticBundles;
import org.bianmin.backend.store.PushedLayer;
import org.bianmin.backend.store.Store;

/**
 * One kiosk: its config (each layer desired against running with the kiosk's status and reason, the merged values that
 * differ with their origins, the config history), its devices as last reported (health, state, paper, last error,
 * counters), the services it has taken out, its recent heartbeats with what changed in each, and its diagnostic bundles.
 */
final class KioskPage {
    static final int HISTORY_ROWS = 50;
    static final int CONFIG_HISTORY_ROWS = 30;

    private KioskPage() {
    }

    static void render(Context ctx, Console.Session session, Fleet fleet, ConfigStatus configStatus, Store store) {
        String kioskId = ctx.pathParam("kioskId");
        Optional<KioskSummary> found = fleet.kiosk(kioskId);
        if (found.isEmpty()) {
            String unknown = "No kiosk " + kioskId + " is registered.";
            String why = store.kiosks().absence(kioskId, unknown);
            ctx.status(404).contentType("text/html; charset=utf-8").result(Html.page("未找到 · Not found", session, Console.NAV,
                    "<p class=\"message\">" + (why.equals(unknown) ? "没有登记这台自助机" : "这台自助机已撤除") + " · " + Html.e(why) + " "
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
                .append("</p>\n");
        ConfigStatus.View view = configStatus.status(Optional.of(k.kioskId()), false);
        config(b, configStatus, view.kiosks().getFirst(), view.rollouts(), store);
        devices(b, k);
        if (!k.servicesOut().isEmpty()) {
            b.append("<p class=\"message\">暂停的服务 · Services out: ").append(Html.e(String.join(", ", k.servicesOut()))).append("</p>\n");
        }
        history(b, fleet.history(k.kioskId(), HISTORY_ROWS));
        bundles(b, store.diagnostics().list(k.kioskId()));
        ctx.contentType("text/html; charset=utf-8").result(Html.page(k.name(), session, Console.NAV, b.toString(),
                FleetPage.REFRESH_SECONDS));
    }

    private static void config(StringBuilder b, ConfigStatus configStatus, ConfigStatus.KioskView view,
                               List<ConfigStatus.RolloutView> rollouts, Store store) {
        String kioskId = view.kioskId();
        b.append("<section id=\"config\">\n<h3>配置 · Config</h3>\n<p>").append(Html.configState(view.state())).append(" · 分组 · Groups: ")
                .append(view.groups().isEmpty() ? "无 none" : Html.e(String.join(", ", view.groups())))
                .append(" · <a href=\"").append(Console.PUSH).append("?target=kiosk:").append(Html.e(kioskId))
                .append("\">推送配置到此自助机 · Push a config to this kiosk</a></p>\n");
        if (view.layers().isEmpty()) {
            b.append("<p>尚无配置推送给这台自助机，它运行默认配置 · No config was pushed for this kiosk; it runs the defaults.</p>\n");
        } else {
            layers(b, view);
            differences(b, configStatus.compare(view), view.layers().stream().anyMatch(l -> l.reported() != null));
        }
        for (ConfigStatus.RolloutView r : rollouts) {
            b.append("<p>分批推送 · Staged rollout ").append(Html.e(r.target())).append(" version ").append(r.version()).append(": ")
                    .append(Html.e(r.state().wireName())).append(", ").append(r.released()).append(" of ").append(r.members())
                    .append(" released, ").append(r.applied()).append(" applied, ").append(r.failed()).append(" failed");
            if (r.note() != null) {
                b.append(" — ").append(Html.e(r.note()));
            }
            b.append("</p>\n");
        }
        configHistory(b, store.configs().history(targets(view), CONFIG_HISTORY_ROWS), kioskId);
        b.append("</section>\n");
    }

    /** The targets whose layers reach the kiosk: fleet, its groups, its own. */
    private static Set<String> targets(ConfigStatus.KioskView view) {
        Set<String> targets = new LinkedHashSet<>();
        targets.add("fleet");
        view.groups().forEach(g -> targets.add("group:" + g));
        targets.add("kiosk:" + view.kioskId());
        return targets;
    }

    private static void layers(StringBuilder b, ConfigStatus.KioskView view) {
        b.append("<table id=\"layers\">\n<thead><tr><th>层 · Layer</th><th>期望版本 · Desired</th><th>运行版本 · Running</th>")
                .append("<th>状态 · Status</th><th>原因 · Reason</th><th>报告时间 · Reported at</th></tr></thead>\n<tbody>\n");
        for (ConfigStatus.LayerStatus l : view.layers()) {
            String row = switch (l.status()) {
                case "applied" -> "ok";
                case "pending" -> "warning";
                default -> "failing";
            };
            b.append("<tr class=\"").append(row).append("\"><td>").append(Html.e(l.target())).append("</td><td>");
            if (l.desired() > 0) {
                b.append("<a href=\"").append(Console.LAYERS).append('/').append(Html.e(l.target())).append('/').append(l.desired())
                        .append("\">").append(l.desired()).append("</a>");
            } else {
                b.append("—（已撤销 withdrawn）");
            }
            b.append("</td><td>").append(Html.version(l.running())).append("</td><td>").append(Html.layerStatus(l.status()))
                    .append("</td><td>").append(l.reason() == null || l.reason().isBlank() ? "—" : Html.e(l.reason()))
                    .append("</td><td>").append(l.at() == null ? "尚未报告 not reported" : Html.time(l.at())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void differences(StringBuilder b, List<ConfigStatus.Compared> values, boolean reported) {
        List<ConfigStatus.Compared> differing = values.stream().filter(ConfigStatus.Compared::differs).toList();
        b.append("<h4>期望与运行的差异 · Desired against running</h4>\n");
        if (!reported) {
            b.append("<p>这台自助机尚未报告它运行的配置；下表的“运行”列是默认配置 · The kiosk has not reported the config it runs yet; "
                    + "the running column below is the defaults.</p>\n");
        }
        if (differing.isEmpty()) {
            b.append("<p class=\"good\">无差异：自助机运行的正是期望的配置 · No difference: the kiosk runs the desired config.</p>\n");
        } else {
            b.append("<p>").append(differing.size()).append(" 个值不同 · ").append(differing.size())
                    .append(differing.size() == 1 ? " value differs" : " values differ").append(".</p>\n");
            comparisonTable(b, "differences", differing);
        }
        b.append("<details><summary>全部配置值及来源 · Every value and where it comes from (").append(values.size())
                .append(")</summary>\n");
        comparisonTable(b, "all-values", values);
        b.append("</details>\n");
    }

    private static void comparisonTable(StringBuilder b, String id, List<ConfigStatus.Compared> values) {
        b.append("<table id=\"").append(id).append("\">\n<thead><tr><th>键 · Key</th><th>期望值 · Desired</th>")
                .append("<th>来源 · Origin</th><th>运行值 · Running</th><th>来源 · Origin</th></tr></thead>\n<tbody>\n");
        for (ConfigStatus.Compared v : values) {
            b.append("<tr").append(v.differs() ? " class=\"differs\"" : "").append("><td class=\"key\"><code>").append(Html.e(v.path()))
                    .append("</code></td><td>").append(Html.value(v.desired())).append("</td><td>").append(origin(v.desiredOrigin()))
                    .append("</td><td>").append(Html.value(v.running())).append("</td><td>").append(origin(v.runningOrigin()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static String origin(String origin) {
        return origin == null ? "—" : Html.e(origin);
    }

    private static void configHistory(StringBuilder b, List<PushedLayer> pushes, String kioskId) {
        b.append("<h4>配置历史 · Config history</h4>\n");
        if (pushes.isEmpty()) {
            b.append("<p>没有推送记录 · Nothing was pushed to this kiosk's layers.</p>\n");
            return;
        }
        b.append("<p>本机各层（全体、所在分组、本机）的推送，新的在前；点版本号可下载该版本或回退到它 · Pushes to the layers that reach this "
                + "kiosk, newest first; a version's page downloads it or reverts to it.</p>\n");
        b.append("<table id=\"config-history\">\n<thead><tr><th>推送时间 · Pushed</th><th>层 · Layer</th><th>版本 · Version</th>")
                .append("<th>推送人 · By</th><th>密钥 · Key</th><th>SHA-256</th><th>备注 · Note</th></tr></thead>\n<tbody>\n");
        for (PushedLayer p : pushes) {
            b.append("<tr><td>").append(Html.time(p.pushedAt())).append("</td><td>").append(Html.e(FleetPage.layerName(p.target(), kioskId)))
                    .append("</td><td><a href=\"").append(Console.LAYERS).append('/').append(Html.e(p.target())).append('/')
                    .append(p.version()).append("\">").append(p.version()).append("</a></td><td>").append(Html.e(p.pushedBy()))
                    .append("</td><td><code>").append(Html.e(p.keyId())).append("</code></td><td><code>")
                    .append(Html.e(p.sha256().substring(0, Math.min(16, p.sha256().length())))).append("…</code></td><td>")
                    .append(p.revertOf() == null ? "—" : "回退到版本 " + p.revertOf() + " · revert to version " + p.revertOf())
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
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
