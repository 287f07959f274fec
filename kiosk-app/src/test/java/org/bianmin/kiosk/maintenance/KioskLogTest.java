package org.bianmin.kiosk.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk log as the technician's screen and the bundle show it: the last lines, masked again. */
class KioskLogTest {
    @TempDir
    Path dir;

    @Test
    void idNumbersMobileNumbersTechnicianCodesAndTokensAreMasked() {
        assertEquals("read 110105********0015 and 11010519491001X?",
                KioskLog.mask("read 110105194910010015 and 11010519491001X?"));
        assertEquals("old 110105*****1015", KioskLog.mask("old 110105491001015"));
        assertEquals("call 138****5678", KioskLog.mask("call 13812345678"));
        assertEquals("code BMTECH1:****", KioskLog.mask("code BMTECH1:ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertEquals("Authorization: Bearer ****", KioskLog.mask("Authorization: Bearer demo-kiosk-token"));
        assertEquals("visit 12 took 20260601 ms", KioskLog.mask("visit 12 took 20260601 ms"));
    }

    @Test
    void theTailIsTheLastLinesMaskedAndAMissingLogIsEmpty() throws IOException {
        Path file = dir.resolve(KioskLog.FILE_NAME);
        assertEquals(List.of(), new KioskLog(file).tail(200));
        Files.write(file, IntStream.range(0, 500).mapToObj(i -> "line " + i + (i == 499 ? " 110105194910010015" : "")).toList());

        List<String> tail = new KioskLog(file).tail(200);

        assertEquals(200, tail.size());
        assertEquals("line 300", tail.getFirst());
        assertEquals("line 499 110105********0015", tail.getLast());
    }
}
