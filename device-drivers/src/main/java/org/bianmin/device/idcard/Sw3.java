package org.bianmin.device.idcard;

import java.util.Optional;
import org.bianmin.device.DeviceError;

/**
 * The SAM_V status byte SW3 (PROTOCOLS.md §1.4) with its meaning in Chinese and English and the
 * {@link DeviceError} a driver reports when a command ends with it.
 */
public enum Sw3 {
    OK(0x90, "操作成功", "Operation successful", null),
    CARD_FOUND(0x9F, "寻找证/卡成功", "Card found", null),
    NO_CONTENT(0x91, "证/卡中此项无内容", "The card has no content for this item", null),
    REQUEST_CHECKSUM_ERROR(0x10, "接收业务终端数据的校验和错", "Checksum error in the data from the terminal", DeviceError.CHECKSUM),
    REQUEST_LENGTH_ERROR(0x11, "接收业务终端数据的长度错", "Length error in the data from the terminal", DeviceError.BAD_LENGTH),
    COMMAND_ERROR(0x21, "接收业务终端的命令错误", "Command error (bad command or parameter)", DeviceError.UNEXPECTED_REPLY),
    UNAUTHORISED_OPERATION(0x23, "越权操作", "Unauthorised operation", DeviceError.SAM_FAULT),
    UNRECOGNISED_ERROR(0x24, "无法识别的错误", "Unrecognised error", DeviceError.UNEXPECTED_REPLY),
    CARD_REJECTED_SAM(0x31, "证/卡认证SAM_V失败", "The card failed to authenticate the SAM_V", DeviceError.SAM_FAULT),
    SAM_REJECTED_CARD(0x32, "SAM_V认证证/卡失败", "The SAM_V failed to authenticate the card", DeviceError.SAM_FAULT),
    VERIFICATION_ERROR(0x33, "信息验证错误", "Information verification error", DeviceError.CARD_READ_FAILED),
    UNKNOWN_CARD_TYPE(0x40, "无法识别的卡类型", "Unrecognised card type", DeviceError.UNKNOWN_CARD_TYPE),
    READ_FAILED(0x41, "读证/卡操作失败", "Reading the card failed", DeviceError.CARD_READ_FAILED),
    RANDOM_NUMBER_FAILED(0x47, "取随机数失败", "Failed to obtain a random number", DeviceError.SAM_FAULT),
    SAM_SELF_TEST_FAILED(0x60, "SAM_V自检失败，不能接收命令", "SAM_V self-test failed; it cannot accept commands", DeviceError.SAM_FAULT),
    SAM_NOT_AUTHORISED(0x66, "SAM_V没经过授权，无法使用", "SAM_V is not authorised and cannot be used", DeviceError.SAM_FAULT),
    FIND_FAILED(0x80, "寻找证/卡失败", "No card found (none present, or already read)", DeviceError.NO_CARD),
    SELECT_FAILED(0x81, "选取证/卡失败", "Selecting the card failed", DeviceError.CARD_READ_FAILED),
    COMMUNICATION_FAILURE(0xFF, "通讯失败", "Communication failure", DeviceError.LINK_IO);

    private final int code;
    private final String zh;
    private final String en;
    private final DeviceError error;

    Sw3(int code, String zh, String en, DeviceError error) {
        this.code = code;
        this.zh = zh;
        this.en = en;
        this.error = error;
    }

    /** The byte on the wire, 0..255. */
    public int code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** True for 90, 9F and 91: the module did what was asked. */
    public boolean success() {
        return error == null;
    }

    /** The error a driver reports for this status; empty for the success codes. */
    public Optional<DeviceError> error() {
        return Optional.ofNullable(error);
    }

    public static Optional<Sw3> of(int code) {
        for (Sw3 s : values()) {
            if (s.code == (code & 0xFF)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** "41 (Reading the card failed)", or "5A (not in the SW3 table)". */
    public static String describe(int code) {
        String hex = String.format("%02X", code & 0xFF);
        return of(code).map(s -> hex + " (" + s.en + ")").orElse(hex + " (not in the SW3 table)");
    }
}
