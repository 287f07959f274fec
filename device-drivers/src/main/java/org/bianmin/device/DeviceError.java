package org.bianmin.device;

/**
 * Every way a device can fail, each with a technician code and a message a citizen can understand.
 *
 * <p>The technician code is stable (it is printed by {@code ./kiosk diag}, logged and reported to the
 * fleet); the citizen messages say what happened and what to do, in plain words.
 */
public enum DeviceError {
    PORT_NOT_FOUND("LNK-01", "设备未连接，请联系工作人员。", "The device is not connected. Please ask staff for help."),
    PERMISSION_DENIED("LNK-02", "设备暂不可用，请联系工作人员。", "The device is not available. Please ask staff for help."),
    PORT_BUSY("LNK-03", "设备正被占用，请稍后再试。", "The device is busy. Please try again shortly."),
    LINK_IO("LNK-04", "设备通信中断，请稍后再试。", "Lost contact with the device. Please try again shortly."),
    DISCONNECTED("LNK-05", "设备已断开，正在重新连接，请稍候。", "The device is disconnected and reconnecting. Please wait."),
    TIMEOUT("LNK-06", "设备没有响应，请稍后再试。", "The device did not answer. Please try again shortly."),
    BAD_SETTINGS("LNK-07", "设备设置有误，请联系工作人员。", "The device is set up wrongly. Please ask staff for help."),
    CHECKSUM("PRO-01", "读取出错，请重试。", "A reading error occurred. Please try again."),
    BAD_LENGTH("PRO-02", "读取出错，请重试。", "A reading error occurred. Please try again."),
    BAD_FRAME("PRO-03", "读取出错，请重试。", "A reading error occurred. Please try again."),
    UNEXPECTED_REPLY("PRO-04", "设备应答异常，请重试。", "The device gave an unexpected answer. Please try again."),
    NO_CARD("IDC-01", "请将身份证放在读卡区。", "Please place your ID card on the reader."),
    CARD_REMOVED("IDC-02", "身份证被移开，请重新放好。", "The card was moved. Please place it again and hold it still."),
    CARD_READ_FAILED("IDC-03", "读卡失败，请重新放置身份证。", "The card could not be read. Please place it again."),
    SAM_FAULT("IDC-04", "读卡器故障，请联系工作人员。", "The card reader has a fault. Please ask staff for help."),
    INVALID_ID_NUMBER("IDC-05", "证件号码校验未通过，请到人工窗口办理。", "The ID number did not pass its check. Please go to a staffed counter."),
    UNKNOWN_CARD_TYPE("IDC-06", "暂不支持此类证件，请到人工窗口办理。", "This kind of card is not supported here. Please go to a staffed counter."),
    NO_CODE("SCN-01", "没有扫到二维码，请将二维码对准扫描口。", "No code was scanned. Please hold the QR code in front of the scanner."),
    UNREADABLE_CODE("SCN-02", "二维码无法识别，请重试。", "The code could not be read. Please try again."),
    PAPER_OUT("PRN-01", "打印纸已用完，请联系工作人员。", "The printer is out of paper. Please ask staff for help."),
    PAPER_NEAR_END("PRN-02", "打印纸即将用完。", "The printer is running low on paper."),
    COVER_OPEN("PRN-03", "打印机盖板未关好，请联系工作人员。", "The printer cover is open. Please ask staff for help."),
    CUTTER_ERROR("PRN-04", "打印机切纸故障，请联系工作人员。", "The printer's paper cutter has a fault. Please ask staff for help."),
    PRINTER_OFFLINE("PRN-05", "打印机暂不可用，请联系工作人员。", "The printer is not available. Please ask staff for help."),
    PRINTER_FAULT("PRN-06", "打印机故障，请联系工作人员。", "The printer has a fault. Please ask staff for help."),
    ALREADY_PRINTED("PRN-07", "该凭条已打印，不会重复打印。", "This receipt has already been printed and will not be printed twice."),
    GPIO_FAULT("GPO-01", "设备故障，请联系工作人员。", "A device fault occurred. Please ask staff for help."),
    RATE_LIMITED("GPO-02", "设备正在恢复，请稍候。", "The device is recovering. Please wait."),
    INTERNAL("GEN-01", "系统出现问题，请联系工作人员。", "Something went wrong. Please ask staff for help.");

    private final String code;
    private final String citizenZh;
    private final String citizenEn;

    DeviceError(String code, String citizenZh, String citizenEn) {
        this.code = code;
        this.citizenZh = citizenZh;
        this.citizenEn = citizenEn;
    }

    /** Stable technician code, e.g. {@code PRN-01}. */
    public String code() {
        return code;
    }

    /** The message shown to a citizen; {@code language} is a BCP-47 tag such as "zh-CN" or "en". */
    public String citizenMessage(String language) {
        return language != null && language.startsWith("en") ? citizenEn : citizenZh;
    }
}
