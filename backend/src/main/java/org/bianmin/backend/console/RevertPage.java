package org.bianmin.backend.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.backend.store.PushedLayer;
import org.bianmin.backend.store.Store;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pushed version of a layer: what it holds, its download as YAML, and how to bring it back. The backend cannot sign,
 * so reverting is either the exact {@code ./kiosk admin revert} command, or an envelope the admin re-signs from the
 * downloaded YAML and uploads here (the backend checks that it carries this version's config).
 */
final class RevertPage {
    private static final Logger LOG = LoggerFactory.getLogger(RevertPage.class);
    // strings stay quoted, so the YAML reads back as exactly the tree that was signed ("yes" stays text, "010" too)
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    private RevertPage() {
    }

    /** The layer's target and version from the path, and its push; empty (with a 404 page answered) when unknown. */
    private static Optional<PushedLayer> find(Context ctx, Console.Session session, Store store) {
        String targetText = ctx.pathParam("target");
        String versionText = ctx.pathParam("version");
        long version;
        ConfigTarget target;
        try {
            target = ConfigTarget.parse(targetText);
            version = Long.parseLong(versionText);
        } catch (SigningException | NumberFormatException e) {
            notFound(ctx, session, "“" + targetText + "” version “" + versionText + "” names no layer: a layer is kiosk:ID, group:NAME "
                    + "or fleet, and a version a whole number.");
            return Optional.empty();
        }
        Optional<PushedLayer> pushed = store.configs().pushed(target.toString(), version);
        if (pushed.isEmpty()) {
            notFound(ctx, session, "没有这个版本 · No version " + version + " of " + target + " was pushed.");
        }
        return pushed;
    }

    private static void notFound(Context ctx, Console.Session session, String message) {
        ctx.status(404).contentType("text/html; charset=utf-8").result(Html.page("未找到 · Not found", session, Console.NAV,
                "<p class=\"message\">" + Html.e(message) + " <a href=\"" + Console.KIOSKS + "\">返回总览 · Back to the fleet</a></p>\n", 0));
    }

    static void render(Context ctx, Console.Session session, Store store, ConfigDistribution configs) {
        Optional<PushedLayer> found = find(ctx, session, store);
        if (found.isEmpty()) {
            return;
        }
        PushedLayer p = found.get();
        String t = p.target();
        long latest = store.configs().latest(t);
        long next = latest + 1;
        String yamlPath = Console.LAYERS + "/" + t + "/" + p.version() + "/yaml";
        StringBuilder b = new StringBuilder();
        b.append("<h2>").append(Html.e(t)).append(" 版本 · version ").append(p.version()).append("</h2>\n<p>推送于 · Pushed ")
                .append(Html.time(p.pushedAt())).append(" by ").append(Html.e(p.pushedBy())).append(" · key <code>")
                .append(Html.e(p.keyId())).append("</code> · sha256 <code>").append(Html.e(p.sha256())).append("</code>");
        if (p.revertOf() != null) {
            b.append(" · 回退到版本 ").append(p.revertOf()).append(" · a revert to version ").append(p.revertOf());
        }
        b.append("</p>\n<p><a id=\"download-yaml\" href=\"").append(Html.e(yamlPath)).append("\">下载此版本的配置层 (YAML) · Download this "
                + "version's layer (YAML)</a></p>\n");
        b.append("<pre id=\"layer-yaml\">").append(Html.e(yaml(configs.tree(t, p.version())))).append("</pre>\n");
        b.append("<h3>回退到此版本 · Revert to this version</h3>\n");
        if (p.version() == latest) {
            b.append("<p>这是 ").append(Html.e(t)).append(" 的最新版本，无需回退 · This is the latest version of ").append(Html.e(t))
                    .append("; there is nothing to revert to.</p>\n");
        } else {
            String backend = ctx.scheme() + "://" + ctx.host();
            b.append("<p>自助机只接受更高的版本，所以回退是把此版本的内容重新签名为版本 ").append(next).append(" 再推送；后台不能签名，")
                    .append("请用以下两种方式之一 · Kiosks accept only higher versions, so a revert pushes this version's config again, "
                            + "signed as version ").append(next).append(". The backend cannot sign; do one of these:</p>\n<ol>\n")
                    .append("<li>在有管理员私钥的电脑上运行 · On the machine with your admin key, run:<pre id=\"revert-command\">")
                    .append(Html.e("./kiosk admin revert --backend " + backend + " --target " + t + " --to " + p.version()))
                    .append("</pre>（令牌取自 KIOSK_ADMIN_TOKEN，私钥取自 KIOSK_ADMIN_KEY，或用 --token、--key 给出 · the token from "
                            + "KIOSK_ADMIN_TOKEN and the key from KIOSK_ADMIN_KEY, or give --token and --key）</li>\n")
                    .append("<li>或者下载上面的 YAML，在私钥所在的电脑上（可以不联网）签名，再在此上传 · Or download the YAML above, sign it "
                            + "where your key is (that machine need not reach the backend), and upload the signed file here:<pre>")
                    .append(Html.e("./kiosk admin sign --to " + t + " --version " + next + " " + fileName(t, p.version())
                            + " --out revert.signed.json"))
                    .append("</pre>\n<form class=\"push\" method=\"post\" action=\"").append(Console.PUSH)
                    .append("\" enctype=\"multipart/form-data\">").append(FormToken.input(session.formToken()))
                    .append("<input type=\"hidden\" name=\"target\" value=\"").append(Html.e(t)).append("\">")
                    .append("<input type=\"hidden\" name=\"revertOf\" value=\"").append(p.version()).append("\">\n")
                    .append("<p><label for=\"envelope\">重新签名的文件 · Re-signed file</label> ")
                    .append("<input id=\"envelope\" name=\"envelope\" type=\"file\" accept=\".json,application/json\" required> ")
                    .append("<button type=\"submit\" id=\"push-revert\">推送回退 · Push the revert</button></p>\n</form>\n")
                    .append("后台会核对上传的文件确实是版本 ").append(p.version()).append(" 的内容 · The backend checks that the file carries the "
                            + "config of version ").append(p.version()).append(" and refuses it otherwise.</li>\n</ol>\n");
        }
        ctx.contentType("text/html; charset=utf-8").result(Html.page(t + " version " + p.version(), session, Console.NAV, b.toString(), 0));
    }

    /** The layer's config as a YAML file, ready to be signed again with {@code ./kiosk admin sign}. */
    static void yaml(Context ctx, Console.Session session, Store store, ConfigDistribution configs) {
        Optional<PushedLayer> found = find(ctx, session, store);
        if (found.isEmpty()) {
            return;
        }
        PushedLayer p = found.get();
        // names and times only: no line break can end the comment early
        String header = ("# " + p.target() + " version " + p.version() + ", pushed " + Html.time(p.pushedAt()) + " (Beijing time) by "
                + p.pushedBy() + "; sha256 " + p.sha256()).replaceAll("\\p{Cntrl}", " ") + "\n"
                + "# sign it again as the next version: ./kiosk admin sign --to " + p.target() + " --version N THIS_FILE --out FILE\n";
        LOG.info("admin {} downloaded {} version {} as YAML from the console", session.admin(), p.target(), p.version());
        ctx.contentType("application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(p.target(), p.version()) + "\"")
                .result((header + yaml(configs.tree(p.target(), p.version()))).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code kiosk-demo-kiosk-01-v3.yaml}: the target's characters are [a-z0-9:-], the colon becomes a hyphen. */
    static String fileName(String target, long version) {
        return target.replace(':', '-') + "-v" + version + ".yaml";
    }

    static String yaml(ObjectNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes as YAML", e);
        }
    }
}
