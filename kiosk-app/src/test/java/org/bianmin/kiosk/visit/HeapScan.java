package org.bianmin.kiosk.visit;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for strings in a dump of this JVM's live heap. The strings are held only masked (each byte
 * XORed) so that the scanner's own needles are never what it finds.
 */
final class HeapScan {
    private static final byte MASK = (byte) 0xA5;

    /** One string in one encoding, masked. */
    record Needle(String label, byte[] masked) {}

    private final List<Needle> needles = new ArrayList<>();

    /**
     * Adds {@code s} in every form the heap may hold it: Latin-1 (a compact String of ASCII), UTF-16LE
     * (a String of Chinese on this little-endian machine) and UTF-16BE (a char[], which HPROF writes
     * big-endian). A form the string cannot take is left out.
     */
    HeapScan look(String label, String s) {
        add(label + " as Latin-1", s, StandardCharsets.ISO_8859_1);
        add(label + " as UTF-16LE", s, StandardCharsets.UTF_16LE);
        add(label + " as UTF-16BE", s, StandardCharsets.UTF_16BE);
        return this;
    }

    private void add(String label, String s, Charset cs) {
        if (!cs.newEncoder().canEncode(s)) {
            return;
        }
        byte[] b = s.getBytes(cs);
        for (int i = 0; i < b.length; i++) {
            b[i] ^= MASK;
        }
        needles.add(new Needle(label, b));
    }

    /** Dumps the live heap (a full GC first) to {@code dir}, scans the dump and deletes it; returns the needles found. */
    Set<String> dumpAndScan(Path dir, String name) {
        System.gc();
        Path dump = dir.resolve(name + ".hprof");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(dump), 1 << 16)) {
                return scan(in);
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("heap dump to " + dump + " failed", e);
        }
    }

    /** Knuth–Morris–Pratt over the stream, every needle at once. */
    private Set<String> scan(InputStream in) throws IOException {
        int n = needles.size();
        byte[][] pat = new byte[n][];
        int[][] fail = new int[n][];
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            byte[] m = needles.get(i).masked();
            pat[i] = new byte[m.length];
            for (int j = 0; j < m.length; j++) {
                pat[i][j] = (byte) (m[j] ^ MASK);
            }
            fail[i] = failure(pat[i]);
        }
        Set<String> found = new LinkedHashSet<>();
        byte[] buf = new byte[1 << 16];
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            for (int x = 0; x < r; x++) {
                byte b = buf[x];
                for (int i = 0; i < n; i++) {
                    int k = at[i];
                    while (k > 0 && pat[i][k] != b) {
                        k = fail[i][k - 1];
                    }
                    if (pat[i][k] == b) {
                        k++;
                    }
                    if (k == pat[i].length) {
                        found.add(needles.get(i).label());
                        k = fail[i][k - 1];
                    }
                    at[i] = k;
                }
            }
        }
        for (byte[] p : pat) {
            Arrays.fill(p, (byte) 0);
        }
        return found;
    }

    private static int[] failure(byte[] p) {
        int[] f = new int[p.length];
        for (int i = 1, k = 0; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
