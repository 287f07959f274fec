package org.bianmin.backend.documents;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.backend.domain.Citizen;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.InsuranceType;
import org.bianmin.backend.domain.MonthlyContribution;
import org.bianmin.backend.domain.SocialInsurance;
import org.bianmin.backend.domain.Validity;

/**
 * Lays out the social-insurance participation certificate (社会保险参保证明) on A4: holder, a summary
 * per insurance, the monthly contribution table flowing onto further pages under a repeated header,
 * and the issue block with agency, print time, verification code, QR code and demo seal.
 */
public final class CertificateRenderer {
    public static final String TITLE = "社会保险参保证明";

    private static final float ROW = 13;
    private static final float TABLE_FONT = 7.5f;
    private static final float ISSUE_BLOCK = 150;
    // detail columns: month, base, pension employer/personal, medical employer/personal,
    // unemployment employer/personal, work injury employer, maternity employer
    private static final float[] DETAIL_WIDTHS = {54, 64, 52, 50, 52, 48, 42, 42, 46, 45};
    private static final String[][] DETAIL_HEADER = {{"缴费年月"}, {"缴费基数"}, {"养老保险", "单位缴费"},
        {"养老保险", "个人缴费"}, {"医疗保险", "单位缴费"}, {"医疗保险", "个人缴费"}, {"失业保险", "单位缴费"},
        {"失业保险", "个人缴费"}, {"工伤保险", "单位缴费"}, {"生育保险", "单位缴费"}};
    private static final float[] SUMMARY_WIDTHS = {96, 56, 46, 40, 140, 117};
    private static final String[] SUMMARY_HEADER = {"险种", "首次参保年月", "参保状态", "缴费月数", "参保单位",
        "单位统一社会信用代码"};

    private final DocumentFont font;

    public CertificateRenderer(DocumentFont font) {
        this.font = font;
    }

    /** The unsigned PDF of the certificate. */
    public byte[] render(InsuranceHistory history, IssueDetails issue) {
        synchronized (font.lock()) {
            try (PageFlow flow = new PageFlow(font, TITLE, issue.agency().name(), issue.printedAt())) {
                title(flow);
                holder(flow, history.citizen());
                summary(flow, history);
                details(flow, history);
                issueBlock(flow, issue);
                return flow.finish(issue.verificationCode());
            } catch (IOException e) {
                throw new DocumentException("cannot render the participation certificate: " + e.getMessage(), e);
            }
        }
    }

    private static void title(PageFlow flow) throws IOException {
        flow.canvas().centred(TITLE, PageFlow.A4.getWidth() / 2, flow.y() - 20, 20);
        flow.down(44);
    }

    private static void holder(PageFlow flow, Citizen c) throws IOException {
        Canvas cv = flow.canvas();
        float y = flow.y();
        cv.text("姓名：" + c.name(), PageFlow.LEFT, y, 10);
        cv.text("性别：" + c.gender().chinese(), PageFlow.LEFT + 190, y, 10);
        cv.text("出生日期：" + Validity.chineseDate(c.birthDate()), PageFlow.LEFT + 300, y, 10);
        y -= 16;
        cv.text("公民身份号码：" + c.idNumber(), PageFlow.LEFT, y, 10);
        cv.text("参保地：" + c.region().name(), PageFlow.LEFT + 300, y, 10);
        flow.down(40);
    }

    private static void summary(PageFlow flow, InsuranceHistory h) throws IOException {
        Canvas cv = flow.canvas();
        cv.text("一、参保情况", PageFlow.LEFT, flow.y(), 11);
        flow.down(8);
        row(flow, SUMMARY_WIDTHS, SUMMARY_HEADER, 16, 8, true);
        for (InsuranceType type : InsuranceType.values()) {
            SocialInsurance i = h.insurance(type).orElse(null);
            String[] cells = i == null
                    ? new String[] {type.chinese(), "—", "未参保", "0", "—", "—"}
                    : new String[] {type.chinese(), chineseMonth(i.firstMonth()), i.status().chinese(),
                        String.valueOf(i.paidMonths()), i.employer().name(), i.employer().creditCode()};
            row(flow, SUMMARY_WIDTHS, cells, 16, 8, false);
        }
        flow.down(24);
    }

    private static void details(PageFlow flow, InsuranceHistory h) throws IOException {
        Map<InsuranceType, Map<YearMonth, MonthlyContribution>> byType = new EnumMap<>(InsuranceType.class);
        for (SocialInsurance i : h.insurances()) {
            Map<YearMonth, MonthlyContribution> m = new HashMap<>();
            i.months().forEach(c -> m.put(c.month(), c));
            byType.put(i.type(), m);
        }
        List<YearMonth> months = h.contributionMonths();
        flow.canvas().text("二、缴费明细（单位：元）", PageFlow.LEFT, flow.y(), 11);
        flow.down(8);
        detailHeader(flow);
        for (YearMonth month : months) {
            if (!flow.fits(ROW)) {
                flow.newPage();
                flow.canvas().text(TITLE + "（续）  缴费明细（单位：元）", PageFlow.LEFT, flow.y() - 10, 10);
                flow.down(18);
                detailHeader(flow);
            }
            String[] cells = new String[DETAIL_WIDTHS.length];
            cells[0] = month.toString();
            cells[1] = base(byType, month);
            cells[2] = share(byType, InsuranceType.PENSION, month, true);
            cells[3] = share(byType, InsuranceType.PENSION, month, false);
            cells[4] = share(byType, InsuranceType.MEDICAL, month, true);
            cells[5] = share(byType, InsuranceType.MEDICAL, month, false);
            cells[6] = share(byType, InsuranceType.UNEMPLOYMENT, month, true);
            cells[7] = share(byType, InsuranceType.UNEMPLOYMENT, month, false);
            cells[8] = share(byType, InsuranceType.WORK_INJURY, month, true);
            cells[9] = share(byType, InsuranceType.MATERNITY, month, true);
            row(flow, DETAIL_WIDTHS, cells, ROW, TABLE_FONT, false);
        }
        if (months.isEmpty()) {
            flow.canvas().text("无缴费记录", PageFlow.LEFT, flow.y() - 10, 9);
            flow.down(ROW);
        }
        flow.down(12);
    }

    private static void detailHeader(PageFlow flow) throws IOException {
        Canvas cv = flow.canvas();
        float h = 24;
        float x = PageFlow.LEFT;
        float top = flow.y();
        cv.fill(x, top - h, sum(DETAIL_WIDTHS), h, new java.awt.Color(0xEE, 0xEE, 0xEE));
        for (int i = 0; i < DETAIL_WIDTHS.length; i++) {
            float w = DETAIL_WIDTHS[i];
            String[] lines = DETAIL_HEADER[i];
            float ty = lines.length == 1 ? top - 15 : top - 10;
            for (String line : lines) {
                cv.centred(line, x + w / 2, ty, TABLE_FONT);
                ty -= 9;
            }
            cv.box(x, top - h, w, h, 0.4f);
            x += w;
        }
        flow.down(h);
    }

    private static void row(PageFlow flow, float[] widths, String[] cells, float h, float size, boolean header)
            throws IOException {
        Canvas cv = flow.canvas();
        float x = PageFlow.LEFT;
        float top = flow.y();
        if (header) {
            cv.fill(x, top - h, sum(widths), h, new java.awt.Color(0xEE, 0xEE, 0xEE));
        }
        for (int i = 0; i < widths.length; i++) {
            float w = widths[i];
            String text = cells[i];
            float ty = top - h / 2 - size * 0.35f;
            if (!header && isAmount(text)) {
                cv.right(text, x + w - 3, ty, size);
            } else {
                List<String> lines = cv.wrap(text, size, w - 4);
                cv.centred(lines.getFirst() + (lines.size() > 1 ? "…" : ""), x + w / 2, ty, size);
            }
            cv.box(x, top - h, w, h, 0.4f);
            x += w;
        }
        flow.down(h);
    }

    private static void issueBlock(PageFlow flow, IssueDetails issue) throws IOException {
        if (!flow.fits(ISSUE_BLOCK)) {
            flow.newPage();
        }
        Canvas cv = flow.canvas();
        float top = flow.y();
        float qrSide = 100;
        cv.qrCode(issue.verifyUrl(), PageFlow.RIGHT - qrSide, top - qrSide, qrSide);
        cv.centred("扫码核验", PageFlow.RIGHT - qrSide / 2, top - qrSide - 10, 8);
        float y = top - 12;
        String note = "本证明依据参保缴费记录出具。可扫描右侧二维码或访问 " + issue.verifyUrl()
                + " 核验真伪，验证码 " + issue.verificationCode() + "。";
        for (String line : cv.wrap(note, 9, 320)) {
            cv.text(line, PageFlow.LEFT, y, 9);
            y -= 13;
        }
        y -= 10;
        cv.text("经办机构：" + issue.agency().name(), PageFlow.LEFT, y, 10);
        y -= 16;
        cv.text("打印时间：" + PageFlow.PRINT_TIME.format(issue.printedAt()), PageFlow.LEFT, y, 10);
        y -= 16;
        cv.text("验证码：" + issue.verificationCode(), PageFlow.LEFT, y, 10);
        cv.demoSeal(issue.agency().name(), PageFlow.LEFT + 330, y + 16, 46);
        y -= 22;
        cv.text("本文件由 Bianmin Kiosk 演示系统生成，所载人员与数据均为虚构示例。", PageFlow.LEFT, y, 7.5f);
        flow.down(ISSUE_BLOCK);
    }

    private static String base(Map<InsuranceType, Map<YearMonth, MonthlyContribution>> byType, YearMonth month) {
        for (InsuranceType t : InsuranceType.values()) {
            MonthlyContribution c = byType.getOrDefault(t, Map.of()).get(month);
            if (c != null) {
                return amount(c.base());
            }
        }
        return "—";
    }

    private static String share(Map<InsuranceType, Map<YearMonth, MonthlyContribution>> byType, InsuranceType type,
            YearMonth month, boolean employer) {
        MonthlyContribution c = byType.getOrDefault(type, Map.of()).get(month);
        return c == null ? "—" : amount(employer ? c.employerShare() : c.personalShare());
    }

    private static String amount(BigDecimal v) {
        return v.setScale(2).toPlainString();
    }

    private static boolean isAmount(String s) {
        return s.matches("[0-9]+\\.[0-9]{2}");
    }

    private static String chineseMonth(YearMonth m) {
        return String.format("%d年%02d月", m.getYear(), m.getMonthValue());
    }

    private static float sum(float[] widths) {
        float s = 0;
        for (float w : widths) {
            s += w;
        }
        return s;
    }
}
