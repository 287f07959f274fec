package org.bianmin.device.idcard;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds a 256-byte text block by hand, field by field at its byte offset, independent of {@link TextBlock#encode}. */
final class BlockBuilder {
    private final byte[] b = new byte[TextBlock.SIZE];

    BlockBuilder() {
        for (int i = 0; i < b.length; i += 2) {
            b[i] = ' ';
        }
    }

    BlockBuilder at(int offset, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(v, 0, b, offset, v.length);
        return this;
    }

    byte[] build() {
        return Arrays.copyOf(b, b.length);
    }
}
