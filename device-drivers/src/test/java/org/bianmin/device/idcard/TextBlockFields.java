package org.bianmin.device.idcard;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The fields of each text-block layout (PROTOCOLS.md §1.6) by byte offset, for tests that damage one field at a time. */
final class TextBlockFields {
    /** One field: its name, byte offset and byte length. */
    record Field(String name, int offset, int length) {
        /** A copy of {@code block} with this field holding {@code value} (UCS-2LE, cut to the slot, space-padded). */
        byte[] write(byte[] block, String value) {
            byte[] copy = Arrays.copyOf(block, block.length);
            byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
            int n = Math.min(v.length, length);
            System.arraycopy(v, 0, copy, offset, n);
            for (int i = offset + n; i < offset + length; i += 2) {
                copy[i] = ' ';
                copy[i + 1] = 0;
            }
            return copy;
        }

        @Override
        public String toString() {
            return name + " @" + offset;
        }
    }

    private static final List<Field> VALIDITY = List.of(new Field("validity start", 188, 16), new Field("validity end", 204, 16));

    private TextBlockFields() {}

    static List<Field> of(CardType type) {
        List<Field> own = switch (type) {
            case RESIDENT_ID -> List.of(new Field("name", 0, 30), new Field("gender", 30, 2), new Field("ethnic group", 32, 4),
                    new Field("birth date", 36, 16), new Field("address", 52, 70), new Field("number", 122, 36),
                    new Field("issuing authority", 158, 30));
            case HMT_RESIDENCE_PERMIT -> List.of(new Field("name", 0, 30), new Field("gender", 30, 2), new Field("birth date", 36, 16),
                    new Field("address", 52, 70), new Field("number", 122, 36), new Field("issuing authority", 158, 30),
                    new Field("travel permit number", 220, 18), new Field("issue count", 238, 4));
            case FOREIGN_PERMANENT_2017 -> List.of(new Field("English name", 0, 120), new Field("gender", 120, 2),
                    new Field("number", 122, 30), new Field("nationality", 152, 6), new Field("Chinese name", 158, 30),
                    new Field("birth date", 220, 16), new Field("card version", 236, 4), new Field("authority code", 240, 8));
            case FOREIGN_PERMANENT_2023 -> List.of(new Field("Chinese name", 0, 30), new Field("gender", 30, 2),
                    new Field("renewal count", 32, 4), new Field("birth date", 36, 16), new Field("English name", 52, 70),
                    new Field("number", 122, 36), new Field("English name continued", 158, 30),
                    new Field("English name end", 220, 22), new Field("nationality", 242, 6), new Field("previous-edition number", 250, 6));
        };
        return concat(own, VALIDITY);
    }

    private static List<Field> concat(List<Field> a, List<Field> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
