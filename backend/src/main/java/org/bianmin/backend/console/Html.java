package org.bianmin.backend.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.http.DocumentsApi;

/** The console's HTML: escaping, the page frame every page shares, and the words for statuses, health and config. */
final class Html {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String STYLE = """
            body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1b1b1b}
            header{background:#8c1c13;color:#fff;padding:.6em 1em;display:flex;gap:1.5em;align-items:center;flex-wrap:wrap}
            header a{color:#fff}header h1{font-size:1.2em;margin:0}header form{margin-left:auto}
            main{padding:1em}table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eee}
            tr.offline td{background:#e4e4e4;color:#444}tr.never-seen td{background:#f6f6f6;color:#666}
            tr.failing td{background:#fde2e0}tr.warning td{background:#fff4d6}tr.changed td{background:#fff4d6}
            .bad{color:#a30d00;font-weight:bold}.warn{color:#8a5a00;font-weight:bold}.good{color:#1d6b2f}
            .message{border:2px solid #a30d00;padding:.5em 1em;background:#fde2e0}
            .done{border:2px solid #1d6b2f;padding:.5em 1em;background:#e3f4e6}
            .warnings{border:2px solid #8a5a00;padding:.5em 1em;background:#fff4d6;margin-top:.5em}
            td.config-failed{background:#fde2e0}td.config-pending{background:#fff4d6}
            tr.differs td{background:#fff4d6}code{font-size:.95em;word-break:break-all}td.key{white-space:nowrap}
            form.push p{margin:.4em 0}form.push label{display:inline-block;min-width:16em}
            pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}ol.texts{margin:0;padding-left:1.4em}
            """;
    // a value longer than this is cut in tables (the YAML download has it whole)
    private static final int VALUE_CHARS = 160;

    private Html() {
    }

    /** Text made safe for an element or a quoted attribute: {@code & < > " '} escaped; null becomes empty. */
    static String e(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A time in Beijing time, {@code 2026-11-25 15:00:10}; null gives "—". */
    static String time(Instant at) {
        return at == null ? "—" : SHOWN.format(at.atZone(DocumentsApi.ZONE));
    }

    /**
     * A whole page: title, the navigation and sign-out (for a signed-in admin), and {@code body}, which must already be
     * escaped.
     *
     * @param session        the signed-in admin, or null on the sign-in form
     * @param refreshSeconds reload the page this often (0: never); a meta refresh, so it works without JavaScript
     */
    static String page(String title, Console.Session session, List<Console.NavItem> nav, String body, int refreshSeconds) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds > 0) {
            b.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">");
        }
        b.append("<title>").append(e(title)).append(" · 便民自助终端运维控制台</title><style>").append(STYLE)
                .append("</style></head>\n<body>\n<header><h1>便民自助终端运维控制台 · Fleet console</h1>");
        if (session != null) {
            b.append("<nav>");
            for (Console.NavItem item : nav) {
                b.append("<a href=\"").append(e(item.path())).append("\">").append(e(item.label())).append("</a> ");
            }
            b.append("</nav><form method=\"post\" action=\"").append(Console.LOGOUT).append("\">")
                    .append(FormToken.input(session.formToken())).append("<span>管理员 ").append(e(session.admin()))
                    .append("</span> <button type=\"submit\" id=\"sign-out\">退出 · Sign out</button></form>");
        }
        b.append("</header>\n<main>\n").append(body).append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The kiosk status as text (never colour alone): 在线 online, 离线 offline, 从未上线 never seen. */
    static String status(org.bianmin.backend.fleet.KioskStatus status) {
        return switch (status) {
            case ONLINE -> "<span class=\"good\">在线 online</span>";
            case OFFLINE -> "<span class=\"bad\">离线 offline</span>";
            case NEVER_SEEN -> "<span>从未上线 never seen</span>";
        };
    }

    /** A device's health in words with a mark of its severity. */
    static String health(String health) {
        return switch (health == null ? "" : health) {
            case "ok" -> "<span class=\"good\">正常 ok</span>";
            case "warning" -> "<span class=\"warn\">需注意 warning</span>";
            case "failing" -> "<span class=\"bad\">故障 failing</span>";
            case "down" -> "<span class=\"bad\">停用 down</span>";
            default -> e(health);
        };
    }

    /** Paper state in words; null (not a printer) gives "—". */
    static String paper(String paper) {
        return switch (paper == null ? "" : paper) {
            case "" -> "—";
            case "ok" -> "<span class=\"good\">正常 ok</span>";
            case "low" -> "<span class=\"warn\">纸将尽 low</span>";
            case "out" -> "<span class=\"bad\">缺纸 out</span>";
            default -> e(paper);
        };
    }

    /** How far a kiosk's config is from what it should run, in words with a mark: in sync, pending, failed. */
    static String configState(ConfigStatus.State state) {
        return switch (state) {
            case IN_SYNC -> "<span class=\"good\">已同步 in sync</span>";
            case PENDING -> "<span class=\"warn\">待应用 pending</span>";
            case FAILED -> "<span class=\"bad\">失败 failed</span>";
        };
    }

    /** A layer's status as the kiosk reported it: applied, pending, failed, reverted, rejected. */
    static String layerStatus(String status) {
        return switch (status == null ? "" : status) {
            case "applied" -> "<span class=\"good\">已应用 applied</span>";
            case "pending" -> "<span class=\"warn\">待应用 pending</span>";
            case "failed" -> "<span class=\"bad\">应用失败 failed</span>";
            case "reverted" -> "<span class=\"bad\">已回退 reverted</span>";
            case "rejected" -> "<span class=\"bad\">被拒绝 rejected</span>";
            default -> e(status);
        };
    }

    /** A config value for a table cell: text as itself, anything else as JSON, cut when long; null is "—". */
    static String value(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "<span class=\"warn\">（无 absent）</span>";
        }
        if (value.isArray() && !value.isEmpty() && value.get(0).isObject() && value.get(0).has("zh")) {
            // a list of texts (notices, a guide's materials or steps): one item a line, 中文 / English, whole
            StringBuilder items = new StringBuilder("<ol class=\"texts\">");
            value.forEach(item -> items.append("<li>").append(e(item.path("zh").asText()))
                    .append(item.path("en").isTextual() ? " / " + e(item.path("en").textValue()) : "").append("</li>"));
            return items.append("</ol>").toString();
        }
        String text = value.isTextual() ? value.textValue() : value.toString();
        if (text.length() > VALUE_CHARS) {
            text = text.substring(0, VALUE_CHARS - 1) + "…";
        }
        return "<code>" + e(text) + "</code>";
    }

    /** A version number, or "—" for none (0). */
    static String version(long version) {
        return version == 0 ? "—" : String.valueOf(version);
    }
}
