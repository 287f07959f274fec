package org.bianmin.device.printer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Receipts for technicians: the test print of {@code diag print-test} and {@code checkHealth(EXTERNAL)}. */
public final class TestReceipts {
    /** The title line; tests look for it in what the printer received. */
    public static final String TITLE = "便民服务自助终端 打印测试";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    private TestReceipts() {}

    /**
     * The technician's test receipt: a double-size Chinese title, the profile, mixed Chinese and
     * ASCII text in each style, a QR code (native or raster, as the profile says) and a cut.
     */
    public static Receipt diagnostic(PrinterProfile profile, Instant at) {
        String time = TIME.format(at);
        return Receipt.builder()
                .centre().bold(true).doubleSize()
                .line("打印测试")
                .normalSize()
                .line(TITLE)
                .bold(false)
                .line(time)
                .plain()
                .separator('=')
                .pair("纸宽 Paper", profile.paperMm() + " mm / " + profile.dots() + " dots")
                .pair("每行 Columns", Integer.toString(profile.columns()))
                .pair("切刀 Cutter", profile.hasCutter() ? "有 yes" : "无 no")
                .pair("二维码 QR", profile.nativeQr() ? "原生 GS ( k" : "光栅 GS v 0")
                .separator()
                .line("ASCII 0123456789 abcdefghijklmnopqrstuvwxyz")
                .line("中文：社会保险参保证明、不动产登记、公积金查询。")
                .bold(true).line("粗体 Bold 行").bold(false)
                .size(2, 1).line("倍宽 Wide").size(1, 2).line("倍高 Tall").normalSize()
                .right().line("右对齐 right").left()
                .separator()
                .centre()
                .qr("便民打印测试 " + profile.name() + " " + time, 6, QrErrorLevel.M)
                .line("扫码核对 Scan to check")
                .plain()
                .feed(1)
                .cut()
                .build();
    }
}
