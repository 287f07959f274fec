package org.bianmin.backend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DocumentsBenchmarkTest {
    private static final Pattern ROW = Pattern.compile(
            "^(subset font, loaded once|naive: whole font, per doc)\\s+(12|60|240)\\s+(\\d+)\\s+[0-9.]+\\s+[0-9.]+\\s+([0-9.]+)\\s+(ok|OVER TARGET)$");

    @Test
    void aTinyRunPrintsOneRowPerVariantAndRecordCountWithPagesSizeAndVerdict() {
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "--warmup", "0", "--iterations", "1", "--baseline-warmup", "0",
                "--baseline-iterations", "1");

        assertEquals(0, code, out.toString());
        List<String> rows = out.toString().lines().filter(l -> ROW.matcher(l).matches()).toList();
        assertEquals(6, rows.size(), out.toString());
        for (int months : DocumentsBenchmark.MONTHS) {
            for (String variant : List.of("subset font", "naive: whole font")) {
                assertEquals(1, rows.stream().filter(r -> r.startsWith(variant))
                        .filter(r -> r.matches(".*\\s" + months + "\\s.*")).count(), variant + " " + months + ":\n" + out);
            }
        }
        for (String row : rows) {
            var m = ROW.matcher(row);
            assertTrue(m.matches());
            double kb = Double.parseDouble(m.group(4));
            if (m.group(1).startsWith("naive")) {
                assertTrue(kb > 1000 && m.group(5).equals("OVER TARGET"), "the whole font is megabytes: " + row);
            } else {
                assertTrue(kb < 300, "a subset certificate is small: " + row);
            }
        }
        assertTrue(rows.stream().filter(r -> r.contains(" 240 ")).allMatch(r -> Integer.parseInt(
                ROW.matcher(r).results().findFirst().orElseThrow().group(3)) > 1), "240 months take several pages");
    }

    @Test
    void aMissingFontFileStopsWithAMessageNamingThePackage(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "--font", dir.resolve("none.ttc").toString());

        assertEquals(DocumentsBenchmark.FAILED, code);
        assertTrue(err.toString().contains("fonts-wqy-zenhei"), err.toString());
    }

    @Test
    void aZeroIterationCountIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(CommandLine.ExitCode.USAGE, run(new StringWriter(), err, "--iterations", "0"));
        assertTrue(err.toString().contains("iteration counts 1 or more"), err.toString());
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = DocumentsBenchmark.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
