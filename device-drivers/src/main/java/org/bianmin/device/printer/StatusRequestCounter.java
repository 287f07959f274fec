package org.bianmin.device.printer;

/**
 * Counts the {@code DLE EOT n} sequences in what is written to a printer, which spots them as it
 * reads, even inside another command's data (a raster row can hold {@code 10 04 01}); each one
 * earns a status reply. Sequences split across writes are counted once.
 */
final class StatusRequestCounter {
    private int previous2 = -1;
    private int previous1 = -1;

    /** The sequences that {@code length} more bytes complete. */
    int count(byte[] data, int offset, int length) {
        int found = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            if (previous2 == EscPos.DLE && previous1 == EscPos.EOT && b >= 1 && b <= 4) {
                found++;
            }
            previous2 = previous1;
            previous1 = b;
        }
        return found;
    }
}
