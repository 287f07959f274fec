package org.bianmin.kiosk.diag;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** One run of {@code diag selftest} in this JVM: its exit code and what it printed. */
record SelftestRun(int exit, String out, String err) {

    static SelftestRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SelftestCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new SelftestRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The line of {@code device}, which starts with its name. */
    String line(String device) {
        Optional<String> l = out.lines().filter(s -> s.startsWith(device + " ")).findFirst();
        return l.orElseThrow(() -> new AssertionError("no line for " + device + " in:\n" + out + err));
    }

    /** The result column of {@code device}'s line: ok, FAIL or skipped. */
    String result(String device) {
        List<String> columns = List.of(line(device).split("\\s+"));
        return columns.get(2);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + out + err;
    }
}
