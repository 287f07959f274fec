package org.bianmin.kiosk.visit;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which devices can serve a visit now, and which of them the kiosk's config calls required. A required receipt
 * printer that is down takes every service out (each visit ends with its receipt); an optional one only leaves
 * visits without a receipt. The required devices that are down are what the Home screen names.
 */
public record Availability(boolean idCardReader, boolean scanner, boolean documentPrinter, boolean receiptPrinter,
                           Set<Equipment> required) {

    /** The devices a visit uses, as Home names them. */
    public enum Equipment { ID_CARD_READER, SCANNER, DOCUMENT_PRINTER, RECEIPT_PRINTER }

    /** What the kiosk's defaults require: everything but the receipt printer. */
    public static final Set<Equipment> DEFAULT_REQUIRED = Set.copyOf(EnumSet.of(Equipment.ID_CARD_READER, Equipment.SCANNER,
            Equipment.DOCUMENT_PRINTER));

    public Availability {
        Objects.requireNonNull(required, "required");
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    /** With the default required devices. */
    public Availability(boolean idCardReader, boolean scanner, boolean documentPrinter, boolean receiptPrinter) {
        this(idCardReader, scanner, documentPrinter, receiptPrinter, DEFAULT_REQUIRED);
    }

    public static Availability all() {
        return new Availability(true, true, true, true);
    }

    public boolean usable(Equipment e) {
        return switch (e) {
            case ID_CARD_READER -> idCardReader;
            case SCANNER -> scanner;
            case DOCUMENT_PRINTER -> documentPrinter;
            case RECEIPT_PRINTER -> receiptPrinter;
        };
    }

    /** The required devices that cannot serve now, in a fixed order: what the Home screen names. */
    public List<Equipment> requiredOut() {
        return EnumSet.allOf(Equipment.class).stream().filter(e -> required.contains(e) && !usable(e)).toList();
    }
}
