package org.bianmin.device.idcard;

import java.util.Optional;

/** The four card kinds a SAM_V reader returns, told apart by the UCS-2 character at text-block byte 248. */
public enum CardType {
    RESIDENT_ID(' ', "居民身份证", "Resident identity card"),
    FOREIGN_PERMANENT_2017('I', "外国人永久居留身份证（2017版）", "Foreign permanent residence ID card (2017)"),
    FOREIGN_PERMANENT_2023('Y', "外国人永久居留身份证（2023版）", "Foreign permanent residence ID card (2023)"),
    HMT_RESIDENCE_PERMIT('J', "港澳台居民居住证", "Hong Kong, Macao and Taiwan residence permit");

    private final char marker;
    private final String zh;
    private final String en;

    CardType(char marker, String zh, String en) {
        this.marker = marker;
        this.zh = zh;
        this.en = en;
    }

    /** The character at byte 248 of the text block. */
    public char marker() {
        return marker;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Optional<CardType> ofMarker(char c) {
        for (CardType t : values()) {
            if (t.marker == c) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
