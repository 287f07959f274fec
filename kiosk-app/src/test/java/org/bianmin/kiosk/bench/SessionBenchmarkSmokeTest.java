package org.bianmin.kiosk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench session --quick} end to end: the backend process, a cold start, card visits at real and
 * instant device rates and a short heap run, each in its own JVM. Checks that every row of the tables is
 * there with a verdict where there is a target, not what the timings are.
 */
class SessionBenchmarkSmokeTest {
    private static final Pattern VERDICT = Pattern.compile(".*\\s(ok|OVER TARGET)$");

    @Test
    void theQuickBenchmarkPrintsEveryRowAndAVerdictForEveryTargetWithoutPersonalData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SessionBenchmark.run(new String[] {"--quick"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        String report = printed + "\n--- stderr ---\n" + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        List<String> lines = printed.lines().toList();
        for (String row : List.of("Idle screen rendered", "Idle screen with the backend online", "card placed -> identity shown",
                "of which the reader", "of which the kiosk", "software time per visit", "10 visits", "11 visits", "growth")) {
            assertEquals(1, rows(lines, row).size(), "one row '" + row + "' in\n" + report);
        }
        for (String row : List.of("card read -> identity shown", "document requested -> preview shown", "print submitted -> both jobs done")) {
            assertEquals(2, rows(lines, row).size(), "a row '" + row + "' for each device speed in\n" + report);
        }
        for (String target : List.of("Idle screen", "software time per visit", "growth")) {
            rows(lines, target).forEach(l -> assertTrue(VERDICT.matcher(l).matches(), "a verdict on: " + l));
        }
        for (String personal : List.of("110105194910010015", "测试用户甲", "EBL1:", "demo-kiosk-token")) {
            assertFalse(report.contains(personal), "the benchmark printed " + personal);
        }
    }

    /** The table rows that hold {@code text}, each with a number. */
    private static List<String> rows(List<String> lines, String text) {
        List<String> rows = lines.stream().filter(l -> l.contains(text) && !l.matches("^\\d\\..*")).toList();
        rows.forEach(l -> assertTrue(l.matches(".*\\d+(\\.\\d)?\\s.*"), "a number in: " + l));
        return rows;
    }
}
