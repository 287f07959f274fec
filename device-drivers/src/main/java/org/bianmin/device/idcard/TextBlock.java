package org.bianmin.device.idcard;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.OptionalInt;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * Parses and writes the 256-byte UCS-2LE text block of a SAM_V read (PROTOCOLS.md §1.6): the
 * character at byte 248 picks the layout, fields are space-padded, dates are YYYYMMDD and an expiry
 * may be 长期. Parsing never throws anything but a typed {@link DeviceException}.
 */
public final class TextBlock {
    /** Bytes in a text block. */
    public static final int SIZE = 256;
    /** Byte offset of the card-type character. */
    public static final int TYPE_OFFSET = 248;
    static final String LONG_TERM = "长期";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private TextBlock() {}

    public static Identity parse(byte[] block) throws DeviceException {
        if (block == null || block.length != SIZE) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "a SAM_V text block is " + SIZE + " bytes; got "
                    + (block == null ? 0 : block.length));
        }
        char marker = (char) ((block[TYPE_OFFSET] & 0xFF) | (block[TYPE_OFFSET + 1] & 0xFF) << 8);
        CardType type = CardType.ofMarker(marker).orElseThrow(() -> new DeviceException(DeviceError.UNKNOWN_CARD_TYPE,
                String.format("card-type character U+%04X at byte 248 is none of ' ', 'I', 'Y', 'J'; this card kind needs a newer reader program",
                        (int) marker)));
        return switch (type) {
            case RESIDENT_ID -> new ResidentIdCard(text(block, 0, 30), Gender.ofCode(text(block, 30, 2)),
                    EthnicGroup.ofCode(text(block, 32, 4)), date(block, 36, "birth date"), text(block, 52, 70),
                    text(block, 122, 36), text(block, 158, 30), validity(block));
            case HMT_RESIDENCE_PERMIT -> new ResidencePermit(text(block, 0, 30), Gender.ofCode(text(block, 30, 2)),
                    date(block, 36, "birth date"), text(block, 52, 70), text(block, 122, 36), text(block, 158, 30),
                    validity(block), text(block, 220, 18), twoDigits(text(block, 238, 4), "issue count"));
            case FOREIGN_PERMANENT_2017 -> new PermanentResidenceCard2017(text(block, 0, 120), text(block, 158, 30),
                    Gender.ofCode(text(block, 120, 2)), date(block, 220, "birth date"), text(block, 122, 30),
                    text(block, 152, 6), validity(block), text(block, 236, 4), text(block, 240, 8));
            case FOREIGN_PERMANENT_2023 -> new PermanentResidenceCard2023(text(block, 0, 30), englishName2023(block),
                    Gender.ofCode(text(block, 30, 2)), date(block, 36, "birth date"), text(block, 122, 36),
                    text(block, 242, 6), validity(block), optionalDigits(text(block, 32, 4)), text(block, 250, 6));
        };
    }

    /** The 2023 card's English name: 35 characters at 52, continued at 158 and 220 when a slot is full [U]. */
    private static String englishName2023(byte[] b) {
        String first = raw(b, 52, 70);
        String name = stripEnd(first);
        if (name.length() == first.length()) {
            String second = raw(b, 158, 30);
            name += stripEnd(second);
            if (stripEnd(second).length() == second.length()) {
                name += stripEnd(raw(b, 220, 22));
            }
        }
        return name.strip();
    }

    private static Validity validity(byte[] b) throws DeviceException {
        LocalDate from = date(b, 188, "validity start");
        String end = text(b, 204, 16);
        if (end.startsWith(LONG_TERM)) {
            return new Validity(from, Expiry.LONG_TERM);
        }
        return new Validity(from, Expiry.on(parseDate(end, "validity end")));
    }

    private static LocalDate date(byte[] b, int offset, String what) throws DeviceException {
        return parseDate(text(b, offset, 16), what);
    }

    /** The messages give the field's shape, never its content: a birth date is part of the ID number. */
    private static LocalDate parseDate(String s, String what) throws DeviceException {
        if (s.length() != 8 || !s.chars().allMatch(c -> asciiDigit((char) c))) {
            throw new DeviceException(DeviceError.BAD_FRAME, what + " field is not 8 digits (" + Masked.shape(s)
                    + "); the card data is damaged or misread");
        }
        try {
            return LocalDate.parse(s, YYYYMMDD);
        } catch (DateTimeException e) {
            throw new DeviceException(DeviceError.BAD_FRAME, what + " field is 8 digits but no calendar date in YYYYMMDD;"
                    + " the card data is damaged or misread");
        }
    }

    private static int twoDigits(String s, String what) throws DeviceException {
        OptionalInt v = optionalDigits(s);
        if (v.isEmpty()) {
            throw new DeviceException(DeviceError.BAD_FRAME, what + " field is not 2 digits (" + Masked.shape(s)
                    + "); the card data is damaged or misread");
        }
        return v.getAsInt();
    }

    private static OptionalInt optionalDigits(String s) {
        return s.length() == 2 && asciiDigit(s.charAt(0)) && asciiDigit(s.charAt(1))
                ? OptionalInt.of(Integer.parseInt(s)) : OptionalInt.empty();
    }

    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String raw(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.UTF_16LE);
    }

    /** A field without its padding (spaces or NULs at either end). */
    static String text(byte[] b, int offset, int length) {
        return strip(raw(b, offset, length));
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && pad(s.charAt(start))) {
            start++;
        }
        while (end > start && pad(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && pad(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean pad(char c) {
        return c == ' ' || c == '\0';
    }

    /** Writes an identity as a card would hold it; used by simulator fixtures and round-trip tests. */
    public static byte[] encode(Identity identity) {
        byte[] b = new byte[SIZE];
        put(b, 0, SIZE, "", "padding");
        switch (identity) {
            case ResidentIdCard r -> {
                put(b, 0, 30, r.name(), "name");
                put(b, 30, 2, String.valueOf(r.gender().code()), "gender");
                put(b, 32, 4, r.ethnicGroup().code(), "ethnic group");
                put(b, 36, 16, ymd(r.birthDate()), "birth date");
                put(b, 52, 70, r.address(), "address");
                put(b, 122, 36, r.number(), "number");
                put(b, 158, 30, r.issuingAuthority(), "issuing authority");
                putValidity(b, r.validity());
            }
            case ResidencePermit p -> {
                put(b, 0, 30, p.name(), "name");
                put(b, 30, 2, String.valueOf(p.gender().code()), "gender");
                put(b, 36, 16, ymd(p.birthDate()), "birth date");
                put(b, 52, 70, p.address(), "address");
                put(b, 122, 36, p.number(), "number");
                put(b, 158, 30, p.issuingAuthority(), "issuing authority");
                putValidity(b, p.validity());
                put(b, 220, 18, p.travelPermitNumber(), "travel permit number");
                put(b, 238, 4, String.format("%02d", p.issueCount()), "issue count");
            }
            case PermanentResidenceCard2017 f -> {
                put(b, 0, 120, f.englishName(), "English name");
                put(b, 120, 2, String.valueOf(f.gender().code()), "gender");
                put(b, 122, 30, f.number(), "number");
                put(b, 152, 6, f.nationality(), "nationality");
                put(b, 158, 30, f.chineseName(), "Chinese name");
                putValidity(b, f.validity());
                put(b, 220, 16, ymd(f.birthDate()), "birth date");
                put(b, 236, 4, f.cardVersion(), "card version");
                put(b, 240, 8, f.authorityCode(), "authority code");
            }
            case PermanentResidenceCard2023 f -> {
                put(b, 0, 30, f.chineseName(), "Chinese name");
                put(b, 30, 2, String.valueOf(f.gender().code()), "gender");
                put(b, 32, 4, f.renewalCount().isPresent() ? String.format("%02d", f.renewalCount().getAsInt()) : "", "renewal count");
                put(b, 36, 16, ymd(f.birthDate()), "birth date");
                String en = f.englishName();
                put(b, 52, 70, en.substring(0, Math.min(35, en.length())), "English name");
                put(b, 158, 30, en.length() > 35 ? en.substring(35, Math.min(50, en.length())) : "", "English name");
                put(b, 220, 22, en.length() > 50 ? en.substring(50) : "", "English name");
                put(b, 122, 36, f.number(), "number");
                putValidity(b, f.validity());
                put(b, 242, 6, f.nationality(), "nationality");
                put(b, 250, 6, f.previousEditionNumber(), "previous-edition number");
            }
        }
        put(b, TYPE_OFFSET, 2, String.valueOf(identity.type().marker()), "card type");
        return b;
    }

    private static void putValidity(byte[] b, Validity v) {
        put(b, 188, 16, ymd(v.from()), "validity start");
        put(b, 204, 16, v.until().endDate().map(TextBlock::ymd).orElse(LONG_TERM), "validity end");
    }

    private static String ymd(LocalDate d) {
        return d.format(YYYYMMDD);
    }

    private static void put(byte[] b, int offset, int length, String value, String field) {
        byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
        if (v.length > length) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters; its slot holds " + length / 2);
        }
        System.arraycopy(v, 0, b, offset, v.length);
        for (int i = offset + v.length; i < offset + length; i += 2) {
            b[i] = ' ';
            b[i + 1] = 0;
        }
    }

    /** A copy of the block with only the card-type character replaced; for tests of unknown card kinds. */
    static byte[] withMarker(byte[] block, char marker) {
        byte[] copy = Arrays.copyOf(block, block.length);
        copy[TYPE_OFFSET] = (byte) marker;
        copy[TYPE_OFFSET + 1] = (byte) (marker >> 8);
        return copy;
    }
}
