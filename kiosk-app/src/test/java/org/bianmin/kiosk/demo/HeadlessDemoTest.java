package org.bianmin.kiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kiosk demo --headless} as its own process (the JavaFX platform starts once per process): every
 * scripted visit completes and leaves its PDFs, receipts, screenshots and visit log, with no personal data
 * in the log.
 */
class HeadlessDemoTest {

    @TempDir
    Path out;

    @Test
    void theHeadlessDemoCompletesEveryVisitAndWritesWhatEachProduced() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED", "-Dkiosk.log.dir=" + out.resolve("logs")));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of(KioskDemo.class.getName(), "--headless", "--exit", "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".txt").toFile())
                .start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        String printed = Files.readString(out.resolveSibling(out.getFileName() + ".txt"), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the demo ended within 5 minutes:\n" + printed);
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.contains("demo finished: every visit completed"), printed);

        int visits = ScriptedVisits.VISITS.size();
        assertEquals(visits, count(out.resolve("printed"), ".pdf"), "one A4 document per visit");
        assertEquals(visits, count(out.resolve("receipts"), ".txt"), "one receipt per visit");
        assertEquals(visits, count(out.resolve("receipts"), ".png"), "each receipt drawn");
        for (ScriptedVisits.Visit v : ScriptedVisits.VISITS) {
            assertTrue(count(out.resolve("screens").resolve(v.name()), ".png") >= 10, "screens of " + v.name());
        }
        String log = Files.readString(out.resolve("visits.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("110105194910010015") || log.contains("测试用户甲"), "no personal data in the visit log");
        assertFalse(printed.contains("Exception"), printed);
        assertFalse(Files.exists(out.resolve(DemoAdminDefaults.FILE_NAME)), "the demo takes its admin shortcut away when it ends");
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(suffix)).count();
        }
    }
}
