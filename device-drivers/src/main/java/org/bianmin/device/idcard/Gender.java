package org.bianmin.device.idcard;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/** Gender as coded on the card (GB/T 2261.1: one digit). */
public enum Gender {
    NOT_KNOWN('0', "未知的性别", "not known"),
    MALE('1', "男", "male"),
    FEMALE('2', "女", "female"),
    NOT_STATED('9', "未说明的性别", "not stated");

    private final char code;
    private final String zh;
    private final String en;

    Gender(char code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public char code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Gender ofCode(String code) throws DeviceException {
        if (code.length() == 1) {
            for (Gender g : values()) {
                if (g.code == code.charAt(0)) {
                    return g;
                }
            }
        }
        throw new DeviceException(DeviceError.BAD_FRAME, "gender field is not one of the codes 0, 1, 2, 9 of GB/T 2261.1 ("
                + Masked.shape(code) + "); the card data is damaged or misread");
    }
}
