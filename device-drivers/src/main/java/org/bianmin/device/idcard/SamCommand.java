package org.bianmin.device.idcard;

/** The fixed SAM_V requests of PROTOCOLS.md §1.2; set-baud and set-max-RF-frame carry a value and live in {@link SamCodec}. */
public enum SamCommand {
    /** 10 FF: reset the SAM_V. */
    RESET_SAM(0x10, 0xFF),
    /** 11 FF: SAM_V status check; 90 means ready. */
    SAM_STATUS(0x11, 0xFF),
    /** 12 FF: read the SAM_V management information (the 16-byte SAM ID). */
    SAM_ID(0x12, 0xFF),
    /** 20 01: find a card in the field; 9F found, 80 none (or already read). */
    FIND_CARD(0x20, 0x01),
    /** 20 02: select the found card. */
    SELECT_CARD(0x20, 0x02),
    /** 30 01: read the 256-byte text block and the 1024-byte WLT photo. */
    READ_TEXT_AND_PHOTO(0x30, 0x01),
    /** 30 03: read the appended (追加) address; 91 when there is none. */
    READ_APPENDED_ADDRESS(0x30, 0x03),
    /** 30 05: read the card body "MID" (meaning known from a constant name only). */
    READ_MID(0x30, 0x05),
    /** 30 10: read text, photo and fingerprint data. */
    READ_WITH_FINGERPRINTS(0x30, 0x10);

    /** CMD of set-baud (60 rate-code). */
    public static final int SET_BAUD = 0x60;
    /** CMD of set-max-RF-frame-bytes (61 FF nn). */
    public static final int SET_MAX_RF_FRAME = 0x61;

    private final int cmd;
    private final int para;

    SamCommand(int cmd, int para) {
        this.cmd = cmd;
        this.para = para;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    public SamRequest request() {
        return new SamRequest(cmd, para);
    }

    /** The complete frame on the wire, preamble to checksum. */
    public byte[] frame() {
        return SamCodec.encode(request());
    }
}
