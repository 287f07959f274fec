package org.bianmin.kiosk.visit;

import java.util.Locale;

/** The languages of the screens; Chinese first. */
public enum Language {
    ZH_CN(Locale.SIMPLIFIED_CHINESE, "zh"), EN(Locale.ENGLISH, "en");

    private final Locale locale;
    private final String code;

    Language(Locale locale, String code) {
        this.locale = locale;
        this.code = code;
    }

    public Locale locale() {
        return locale;
    }

    /** "zh" or "en", as {@link org.bianmin.device.DeviceError#citizenMessage(String)} takes it. */
    public String code() {
        return code;
    }
}
