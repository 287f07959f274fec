package org.bianmin.backend.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.bianmin.backend.documents.FontUnavailableException;

/**
 * Copies one font out of a TrueType collection (.ttc) into a standalone .ttf, the kind of file a naive
 * implementation embeds whole (PDFBox refuses to embed a collection whole).
 */
final class StandaloneTrueType {
    private static final int TTC_TAG = 0x74746366; // 'ttcf'

    private StandaloneTrueType() {}

    /** The font called {@code name} in {@code ttc} as the bytes of a .ttf file. */
    static byte[] extract(Path ttc, String name) throws IOException {
        int index = indexOf(ttc, name);
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(ttc));
        if (in.getInt(0) != TTC_TAG) {
            throw new FontUnavailableException(ttc + " is not a TrueType collection", null);
        }
        int directory = in.getInt(12 + 4 * index); // TTC header: tag, version, numFonts, then one offset per font
        int tables = Short.toUnsignedInt(in.getShort(directory + 4));
        int headerSize = 12 + 16 * tables;
        ByteBuffer head = ByteBuffer.allocate(headerSize);
        head.put(in.array(), directory, 12);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int t = 0; t < tables; t++) {
            int entry = directory + 12 + 16 * t; // tag, checksum, offset, length
            int offset = in.getInt(entry + 8);
            int length = in.getInt(entry + 12);
            head.putInt(in.getInt(entry)).putInt(in.getInt(entry + 4)).putInt(headerSize + body.size()).putInt(length);
            body.write(in.array(), offset, length);
            body.write(new byte[(4 - length % 4) % 4]); // tables start on 4-byte boundaries
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(headerSize + body.size());
        out.write(head.array());
        body.writeTo(out);
        return out.toByteArray();
    }

    private static int indexOf(Path ttc, String name) throws IOException {
        AtomicInteger i = new AtomicInteger();
        AtomicInteger found = new AtomicInteger(-1);
        try (TrueTypeCollection collection = new TrueTypeCollection(ttc.toFile())) {
            collection.processAllFonts(font -> {
                if (name.equals(font.getName()) && found.get() < 0) {
                    found.set(i.get());
                }
                i.incrementAndGet();
            });
        }
        if (found.get() < 0) {
            throw new FontUnavailableException(ttc + " holds no font called " + name, null);
        }
        return found.get();
    }
}
