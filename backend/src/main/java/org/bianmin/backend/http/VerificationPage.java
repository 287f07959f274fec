package org.bianmin.backend.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.bianmin.backend.documents.VerificationCodes;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.IssuedDocument;
import org.bianmin.backend.store.Store;

/**
 * The public verification page {@code GET /verify/{code}} that every document's QR code points to: what the document
 * is, to whom (masked) and when it was issued, whether it is still valid, and its SHA-256. HTML in Chinese and English
 * for a phone's browser; JSON for {@code Accept: application/json}. No token needed.
 */
public final class VerificationPage {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Store store;
    private final Clock clock;

    public VerificationPage(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiRoute route() {
        return new ApiRoute(HandlerType.GET, "/verify/{code}", this::verify);
    }

    record VerificationView(String verificationCode, boolean valid, String title, String titleEnglish, String holder,
                            Instant issuedAt, LocalDate validUntil, String caseNumber, String sha256) {
    }

    private void verify(Context ctx) {
        String code = ctx.pathParam("code");
        if (!VerificationCodes.isWellFormed(code)) {
            throw new InvalidInputException("code", "a verification code is " + VerificationCodes.LENGTH
                    + " characters from " + VerificationCodes.ALPHABET + "; check what was typed or scanned");
        }
        IssuedDocument d = store.documents().byVerificationCode(code).orElseThrow(() -> DocumentsApi.notFound(
                "no document was issued with verification code " + code + "; it may be forged or mistyped"));
        boolean valid = d.isValidOn(LocalDate.ofInstant(clock.instant(), DocumentsApi.ZONE));
        VerificationView v = new VerificationView(code, valid, d.title(),
                DocumentsApi.ENGLISH_TITLES.getOrDefault(d.serviceCode(), d.title()), d.holder(), d.issuedAt(),
                d.validUntil(), d.caseNumber(), d.sha256());
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            ctx.json(v);
        } else {
            ctx.contentType("text/html; charset=utf-8").result(html(v));
        }
    }

    private static String html(VerificationView v) {
        String status = v.valid() ? "有效 · Valid" : "已失效 · No longer valid";
        String until = v.validUntil() == null ? "长期 · no end date" : v.validUntil().toString();
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>文件核验 · Document verification</title></head>
                <body>
                <h1>文件核验 · Document verification</h1>
                <p class="%s"><strong>%s</strong></p>
                <table>
                <tr><th>文件 · Document</th><td>%s · %s</td></tr>
                <tr><th>持有人 · Issued to</th><td>%s</td></tr>
                <tr><th>出具时间 · Issued at</th><td>%s（北京时间 · Beijing time）</td></tr>
                <tr><th>有效期至 · Valid until</th><td>%s</td></tr>
                <tr><th>办件编号 · Case number</th><td>%s</td></tr>
                <tr><th>验证码 · Verification code</th><td>%s</td></tr>
                <tr><th>SHA-256</th><td><code>%s</code></td></tr>
                </table>
                <p>打印件的 SHA-256 应与上值一致。 · The SHA-256 of the issued PDF must equal the value above.</p>
                </body>
                </html>
                """.formatted(v.valid() ? "valid" : "invalid", status, escape(v.title()), escape(v.titleEnglish()),
                escape(v.holder()), SHOWN.format(v.issuedAt().atZone(DocumentsApi.ZONE)), until, escape(v.caseNumber()),
                escape(v.verificationCode()), v.sha256());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
