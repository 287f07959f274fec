package org.bianmin.kiosk.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bianmin.config.PinHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kiosk pin-hash} as a script runs it: the PIN on standard input, the line to paste on standard output. */
class PinHashCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    @Test
    void aPinOnStandardInputGivesTheLineToPasteAndNeverThePin() throws Exception {
        Run r = run("24681357\n");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("maintenance.pinHash: pbkdf2-sha256$"), r.out());
        PinHash hash = PinHash.parse(r.out().strip().substring("maintenance.pinHash: ".length()));
        assertTrue(hash.matches("24681357".toCharArray()));
        assertEquals(PinHash.DEFAULT_ITERATIONS, hash.iterations());
        assertFalse(r.out().contains("24681357") || r.err().contains("24681357"));
    }

    @Test
    void aPinThatIsNotFourToEightDigitsIsRefusedInOneLine() throws Exception {
        Run r = run("12\n");

        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("kiosk pin-hash: a maintenance PIN is 4 to 8 digits; try again", r.err().strip());
    }

    private Run run(String stdin) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PinHashCommand.class.getName()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pin-hash did not end");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
