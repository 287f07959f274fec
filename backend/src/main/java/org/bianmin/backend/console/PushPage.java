package org.bianmin.backend.console;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.fleet.EnvelopeRefusedException;
import org.bianmin.backend.store.ConflictException;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.NotFoundException;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushing a config from the browser: the admin uploads an envelope signed on their own machine (the backend cannot
 * sign), names the target it is meant for, optionally stages it, and reads the backend's verdict in plain words.
 */
final class PushPage {
    private static final Logger LOG = LoggerFactory.getLogger(PushPage.class);

    private PushPage() {
    }

    /** What the form holds: kept when the page is shown again after a refusal. */
    record Fields(String target, String stage, String stopOnFailures, String revertOf) {
        static Fields of(Context ctx, boolean fromForm) {
            return fromForm
                    ? new Fields(trim(ctx.formParam("target")), trim(ctx.formParam("stage")), trim(ctx.formParam("stopOnFailures")),
                    trim(ctx.formParam("revertOf")))
                    : new Fields(trim(ctx.queryParam("target")), "", "", trim(ctx.queryParam("revertOf")));
        }

        private static String trim(String s) {
            return s == null ? "" : s.strip();
        }
    }

    static void form(Context ctx, Console.Session session) {
        render(ctx, session, 200, Fields.of(ctx, false), null);
    }

    static void submit(Context ctx, Console.Session session, ConfigDistribution distribution, ConfigStatus status) {
        Fields f = Fields.of(ctx, true);
        ConfigTarget target;
        Integer stage;
        Integer stop;
        Integer revertOf;
        try {
            target = target(f.target());
            stage = whole(f.stage(), "分批比例 · Stage", "1 to 100 (percent of the target's kiosks a wave releases)");
            stop = whole(f.stopOnFailures(), "失败即停 · Stop on failures", "1 or more");
            revertOf = whole(f.revertOf(), "回退到版本 · Revert of", "an older version of the target");
        } catch (Refusal r) {
            refuse(ctx, session, 400, f, r.getMessage());
            return;
        }
        byte[] bytes;
        try {
            bytes = upload(ctx);
        } catch (Refusal r) {
            refuse(ctx, session, 400, f, r.getMessage());
            return;
        }
        SignedConfig envelope;
        try {
            envelope = SignedConfig.parse(bytes);
        } catch (SigningException e) {
            refuse(ctx, session, 422, f, "这不是签名的配置文件，未推送 · This file is not a signed config, so nothing was pushed: "
                    + e.getMessage() + ". Upload the envelope ./kiosk admin sign wrote (JSON), not the YAML layer.");
            return;
        }
        if (!envelope.target().equals(target)) {
            refuse(ctx, session, 400, f, "文件的目标与所选目标不符，未推送 · This file is signed for " + envelope.target() + ", not for "
                    + target + ", so nothing was pushed. Upload the file signed for " + target + ", or set the target to "
                    + envelope.target() + " if that is what you meant.");
            return;
        }
        ConfigDistribution.Pushed pushed;
        try {
            pushed = distribution.push(bytes, session.admin(), revertOf == null ? null : revertOf.longValue(), stage, stop);
        } catch (EnvelopeRefusedException e) {
            refuse(ctx, session, 422, f, switch (e.reason()) {
                case UNSIGNED -> "文件没有签名 · ";
                case UNKNOWN_KEY -> "签名密钥未在后台登记 · ";
                case BAD_SIGNATURE -> "签名不符：文件在签名后被改动，或是伪造的 · ";
                default -> "文件被拒绝 · ";
            } + "Refused: " + e.getMessage() + ". Nothing was pushed.");
            return;
        } catch (ConflictException e) {
            refuse(ctx, session, 409, f, "版本冲突，未推送 · Refused: " + e.getMessage()
                    + ". Sign the layer again as the next version (./kiosk admin sign asks the backend for it).");
            return;
        } catch (NotFoundException e) {
            refuse(ctx, session, 404, f, "目标不存在，未推送 · Refused: " + e.getMessage() + ".");
            return;
        } catch (InvalidInputException e) {
            refuse(ctx, session, 400, f, "未推送 · Refused: " + e.field() + " " + e.getMessage() + ".");
            return;
        }
        LOG.info("admin {} pushed {} version {} from the console", session.admin(), pushed.target(), pushed.version());
        StringBuilder done = new StringBuilder("<div class=\"done\" role=\"status\" id=\"verdict\"><p><strong>已推送 · Pushed</strong> ")
                .append(Html.e(pushed.target())).append(" version ").append(pushed.version());
        if (revertOf != null) {
            done.append("（回退到版本 ").append(revertOf).append(" 的内容 · the config of version ").append(revertOf).append(" again）");
        }
        done.append(" — key <code>").append(Html.e(pushed.keyId())).append("</code>, sha256 <code>")
                .append(Html.e(pushed.sha256().substring(0, 16))).append("…</code></p>\n<p>");
        if (pushed.rollout().isEmpty()) {
            done.append("目标内的每台自助机现在即可获取；离线的自助机上线后获取 · Every kiosk of ").append(Html.e(pushed.target()))
                    .append(" gets it now; kiosks that are offline get it when they come back.");
        } else {
            ConfigStatus.RolloutView r = status.rollout(pushed.rollout().get());
            done.append("分批推送：第一批 ").append(r.released()).append(" / ").append(r.members()).append(" 台 · Staged: wave 1 released to ")
                    .append(r.released()).append(" of ").append(r.members()).append(" kiosks (").append(r.stagePercent())
                    .append("% a wave; halts when ").append(r.stopOnFailures()).append(" fail).");
        }
        done.append("</p>\n<p>").append(where(pushed.target())).append("</p></div>\n");
        if (!pushed.warnings().isEmpty()) {
            done.append("<div class=\"warnings\" role=\"alert\" id=\"warnings\"><p><strong>请注意 · Warnings</strong> 已推送，但以下服务在目标"
                    + "自助机上不提供，不会显示 · The push went through, but these services are not offered where it goes, so they "
                    + "will not show:</p>\n<ul>");
            pushed.warnings().forEach(w -> done.append("<li>").append(Html.e(w)).append("</li>"));
            done.append("</ul></div>\n");
        }
        render(ctx, session, 200, new Fields(f.target(), "", "", ""), done.toString());
    }

    /** Where to follow a push: the kiosk's page, or the fleet table. */
    private static String where(String target) {
        if (target.startsWith("kiosk:")) {
            String id = target.substring("kiosk:".length());
            return "<a href=\"" + Console.KIOSKS + "/" + Html.e(id) + "#config\">查看该自助机的应用情况 · See whether " + Html.e(id)
                    + " applies it</a>";
        }
        return "<a href=\"" + Console.KIOSKS + "\">在自助机总览中查看应用情况 · Follow it in the fleet table</a>";
    }

    private static byte[] upload(Context ctx) throws Refusal {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("envelope");
        } catch (RuntimeException e) {
            throw new Refusal("文件无法读取 · The upload could not be read (" + e.getClass().getSimpleName()
                    + "); a signed config is at most " + SignedConfig.MAX_BYTES + " bytes. Choose the file again.");
        }
        if (file == null || file.size() == 0) {
            throw new Refusal("请选择签名的配置文件 · Choose the signed config file (./kiosk admin sign --out FILE writes one).");
        }
        if (file.size() > SignedConfig.MAX_BYTES) {
            throw new Refusal("文件太大 · The file is " + file.size() + " bytes; a signed config is at most " + SignedConfig.MAX_BYTES
                    + " bytes. Is it the right file?");
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Refusal("文件无法读取 · The upload could not be read (" + e.getMessage() + "); choose the file again.");
        }
    }

    private static ConfigTarget target(String text) throws Refusal {
        if (text.isEmpty()) {
            throw new Refusal("请填写目标 · Say which target the file is for: kiosk:ID, group:NAME or fleet.");
        }
        try {
            return ConfigTarget.parse(text);
        } catch (SigningException e) {
            throw new Refusal("目标无效 · Target: " + e.getMessage());
        }
    }

    private static Integer whole(String text, String field, String range) throws Refusal {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new Refusal(field + ": '" + text + "' is not a whole number; give " + range + ", or leave it empty.");
        }
    }

    /** A problem with the form, said in the words shown to the admin. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private static void refuse(Context ctx, Console.Session session, int status, Fields f, String message) {
        LOG.info("admin {}: a config upload from the console was refused ({})", session.admin(), message.replaceAll("\\p{Cntrl}", " "));
        render(ctx, session, status, f, "<div class=\"message\" role=\"alert\" id=\"verdict\"><p><strong>推送被拒绝 · Refused</strong></p><p>"
                + Html.e(message) + "</p></div>\n");
    }

    private static void render(Context ctx, Console.Session session, int status, Fields f, String verdict) {
        StringBuilder b = new StringBuilder("<h2>推送配置 · Push a config</h2>\n");
        if (verdict != null) {
            b.append(verdict);
        }
        b.append("<p>后台不能签名：先在您自己的电脑上用管理员私钥签名配置层，再上传签好的文件 · The backend cannot sign: sign the layer on your "
                        + "own machine with your admin key, then upload the signed file here.</p>\n")
                .append("<pre>./kiosk admin sign --to ").append(f.target().isEmpty() ? "kiosk:ID" : Html.e(f.target()))
                .append(" layer.yaml --out layer.signed.json --backend URL --key admin-key.pem</pre>\n")
                .append("<p>不经过浏览器也可以直接推送 · Or push it from the command line in one step: <code>./kiosk admin push --to ")
                .append(f.target().isEmpty() ? "kiosk:ID" : Html.e(f.target())).append(" layer.yaml</code></p>\n");
        b.append("<form class=\"push\" method=\"post\" action=\"").append(Console.PUSH).append("\" enctype=\"multipart/form-data\">")
                .append(FormToken.input(session.formToken())).append('\n')
                .append("<p><label for=\"target\">目标 · Target (kiosk:ID, group:NAME, fleet)</label> ")
                .append("<input id=\"target\" name=\"target\" required size=\"40\" value=\"").append(Html.e(f.target())).append("\"></p>\n")
                .append("<p><label for=\"envelope\">签名的配置文件 · Signed config file</label> ")
                .append("<input id=\"envelope\" name=\"envelope\" type=\"file\" accept=\".json,application/json\" required></p>\n")
                .append("<p><label for=\"stage\">分批比例 % · Stage percent (group or fleet; empty: all at once)</label> ")
                .append("<input id=\"stage\" name=\"stage\" type=\"number\" min=\"1\" max=\"100\" value=\"").append(Html.e(f.stage()))
                .append("\"></p>\n")
                .append("<p><label for=\"stopOnFailures\">失败即停 · Stop on failures (staged; default 1)</label> ")
                .append("<input id=\"stopOnFailures\" name=\"stopOnFailures\" type=\"number\" min=\"1\" value=\"")
                .append(Html.e(f.stopOnFailures())).append("\"></p>\n")
                .append("<p><label for=\"revertOf\">回退到版本 · Revert of version (only for a revert)</label> ")
                .append("<input id=\"revertOf\" name=\"revertOf\" type=\"number\" min=\"1\" value=\"").append(Html.e(f.revertOf()))
                .append("\"></p>\n")
                .append("<p><button type=\"submit\" id=\"push\">推送 · Push</button></p>\n</form>\n");
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(Html.page("推送配置 · Push a config", session, Console.NAV, b.toString(), 0));
    }
}
