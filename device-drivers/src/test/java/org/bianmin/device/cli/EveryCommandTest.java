package org.bianmin.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command the technician can type explains itself with --help. */
class EveryCommandTest {

    @Test
    void everyCommandAnswersHelpWithItsDescription() {
        List<String> paths = new ArrayList<>();
        collect(DeviceCli.build(new Terminal()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 14, "commands found: " + paths);
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.exit(), path + ": " + r);
            assertTrue(r.out().contains("Usage:"), path + ": " + r.out());
        }
    }

    private static void collect(CommandLine cmd, List<String> prefix, List<String> out) {
        cmd.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            out.add(String.join(" ", p));
            collect(sub, p, out);
        });
    }
}
