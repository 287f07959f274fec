package org.bianmin.backend.documents;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.domain.Validity;

/**
 * Lays out a licence on one A4 page from its surface fields (照面信息): title, licence number, the
 * fields in the kind's order, validity, issuer and issue date, the GB/T 36904 electronic-licence
 * identifier, the QR code to the verification page and the issuer's demo seal. The licence's own issuing
 * authority is its 出具机构, whatever agency the issue details name.
 */
public final class LicenceRenderer {
    private static final float LABEL_WIDTH = 120;
    private static final float FIELD_FONT = 11;
    private static final float LINE = 17;
    private static final float SEAL_RADIUS = 48;
    private static final float SEAL_GAP = 14;

    private final DocumentFont font;

    public LicenceRenderer(DocumentFont font) {
        this.font = font;
    }

    /** The unsigned PDF of the licence. */
    public byte[] render(Licence licence, IssueDetails issue) {
        synchronized (font.lock()) {
            try (PageFlow flow = new PageFlow(font, licence.kind().chinese(), licence.issuer().name(), issue.printedAt())) {
                layout(flow, licence, issue);
                return flow.finish(issue.verificationCode());
            } catch (IOException e) {
                throw new DocumentException("cannot render the " + licence.kind().chinese() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void layout(PageFlow flow, Licence licence, IssueDetails issue) throws IOException {
        Canvas cv = flow.canvas();
        float centre = PageFlow.A4.getWidth() / 2;
        float frameTop = flow.y();
        cv.centred(licence.kind().chinese(), centre, flow.y() - 40, 26);
        flow.down(64);
        String numberLabel = licence.kind() == LicenceKind.BUSINESS_LICENCE ? "统一社会信用代码" : "许可证编号";
        cv.centred(numberLabel + "：" + licence.number(), centre, flow.y() - 10, 10);
        flow.down(36);

        float valueX = PageFlow.LEFT + 20 + LABEL_WIDTH;
        float valueWidth = PageFlow.RIGHT - 20 - valueX;
        for (Map.Entry<String, String> field : licence.surfaceFields().entrySet()) {
            if (licence.kind() == LicenceKind.BUSINESS_LICENCE && field.getKey().equals("统一社会信用代码")) {
                continue;
            }
            line(flow, field.getKey(), field.getValue(), valueX, valueWidth);
        }
        line(flow, "有效期限", licence.validity().chinese(), valueX, valueWidth);
        flow.down(10);

        float blockTop = flow.y();
        float qrSide = 110;
        float qrLeft = PageFlow.RIGHT - 20 - qrSide;
        float textLeft = PageFlow.LEFT + 20;
        // the seal sits beside the 发证机关 and 发证日期 lines, never over them, and clear of the QR code
        float textWidth = qrLeft - SEAL_GAP - 2 * SEAL_RADIUS - SEAL_GAP - textLeft;
        List<String> authority = cv.wrap("发证机关：" + licence.issuer().name(), 10, textWidth);
        float y = blockTop - 12;
        float widest = 0;
        for (String l : authority) {
            cv.text(l, textLeft, y, 10);
            widest = Math.max(widest, cv.width(l, 10));
            y -= 18;
        }
        String date = "发证日期：" + Validity.chineseDate(licence.issuedOn());
        cv.text(date, textLeft, y, 10);
        widest = Math.max(widest, cv.width(date, 10));
        cv.demoSeal(licence.issuer().name(), textLeft + widest + SEAL_GAP + SEAL_RADIUS, blockTop - 8 - SEAL_RADIUS,
                SEAL_RADIUS);
        cv.qrCode(issue.verifyUrl(), qrLeft, blockTop - qrSide, qrSide);
        cv.centred("扫码核验", qrLeft + qrSide / 2, blockTop - qrSide - 10, 8);
        flow.down(qrSide + 30);

        y = flow.y();
        cv.text("电子证照标识：", PageFlow.LEFT + 20, y, 8);
        cv.text(licence.electronicId().toString(), PageFlow.LEFT + 20 + cv.width("电子证照标识：", 8), y, 8);
        y -= 13;
        cv.text("验证码：" + issue.verificationCode() + "    打印时间：" + PageFlow.PRINT_TIME.format(issue.printedAt())
                + "    出具机构：" + licence.issuer().name(), PageFlow.LEFT + 20, y, 8);
        y -= 13;
        List<String> note = cv.wrap("可扫描二维码或访问 " + issue.verifyUrl() + " 核验。本证照由 Bianmin Kiosk 演示系统生成，"
                + "持证主体与内容均为虚构示例。", 8, PageFlow.RIGHT - PageFlow.LEFT - 40);
        for (String l : note) {
            cv.text(l, PageFlow.LEFT + 20, y, 8);
            y -= 12;
        }
        cv.box(PageFlow.LEFT, y - 6, PageFlow.RIGHT - PageFlow.LEFT, frameTop - y + 6, 1.2f);
    }

    private static void line(PageFlow flow, String label, String value, float valueX, float valueWidth)
            throws IOException {
        Canvas cv = flow.canvas();
        List<String> lines = cv.wrap(value, FIELD_FONT, valueWidth);
        float y = flow.y() - 12;
        cv.text(label, PageFlow.LEFT + 20, y, FIELD_FONT);
        for (String l : lines) {
            cv.text(l, valueX, y, FIELD_FONT);
            y -= LINE;
        }
        flow.down(lines.size() * LINE + 6);
    }
}
