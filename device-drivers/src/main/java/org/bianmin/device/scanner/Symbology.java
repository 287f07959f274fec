package org.bianmin.device.scanner;

import java.util.Map;

/**
 * The kind of barcode a scanned code came from, as told by its AIM symbology identifier (ISO/IEC 15424).
 *
 * <p>The letter table is from memory of the standard ([U] in PROTOCOLS.md §3.1), so it is configurable in
 * {@link ScanFormat#aimLetters()}; {@link #DEFAULT_AIM_LETTERS} is only the starting point.
 */
public enum Symbology {
    QR_CODE,
    CODE_128,
    EAN_13,
    CODE_39,
    DATA_MATRIX,
    PDF417,
    /** An AIM identifier was present, but its letter is not in the configured table. */
    OTHER,
    /** No AIM identifier: the scanner does not send one, or AIM stripping is switched off. */
    UNKNOWN;

    /** ]Q QR, ]C Code 128, ]E EAN/UPC, ]A Code 39, ]d Data Matrix, ]L PDF417. */
    public static final Map<Character, Symbology> DEFAULT_AIM_LETTERS = Map.of(
            'Q', QR_CODE,
            'C', CODE_128,
            'E', EAN_13,
            'A', CODE_39,
            'd', DATA_MATRIX,
            'L', PDF417);
}
