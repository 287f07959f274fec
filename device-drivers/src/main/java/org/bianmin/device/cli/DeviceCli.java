package org.bianmin.device.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root of the technician and simulator command line: {@code ./kiosk diag|sim|bench|demo}.
 * Builds every command with the terminal it writes to; turns unexpected failures into one line and a
 * log entry.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true, version = "Bianmin Kiosk device tools",
        description = "Technician, simulator and benchmark commands of Bianmin Kiosk.")
public final class DeviceCli {
    private static final Logger log = LoggerFactory.getLogger(DeviceCli.class);

    public static void main(String[] args) {
        System.exit(run(new Terminal(), args));
    }

    static int run(Terminal terminal, String... args) {
        try {
            return build(terminal).execute(args);
        } catch (RuntimeException | Error e) {
            log.error("the command failed unexpectedly", e);
            terminal.err().println("kiosk: internal error (" + e.getClass().getSimpleName() + "); details are in out/logs/kiosk-cli.log");
            return ExitCodes.INTERNAL;
        }
    }

    static CommandLine build(Terminal t) {
        CommandLine diag = new CommandLine(new Group("diag", "Diagnose devices on their real ports."))
                .addSubcommand("ports", new DiagPorts(t))
                .addSubcommand("read-card", new DiagReadCard(t))
                .addSubcommand("probe", new DiagProbe(t))
                .addSubcommand("scan", new DiagScan(t))
                .addSubcommand("print-test", new DiagPrintTest(t))
                .addSubcommand("status", new DiagStatus(t))
                .addSubcommand("trace", new DiagTrace(t))
                .addSubcommand("selftest", new DiagSelftest(t));
        CommandLine sim = new CommandLine(new Group("sim", "Run a device simulator on a serial port until stopped."))
                .addSubcommand("id-card", new SimIdCard(t))
                .addSubcommand("qr-scanner", new SimQrScanner(t))
                .addSubcommand("receipt-printer", new SimReceiptPrinter(t));
        CommandLine bench = new CommandLine(new Group("bench", "Benchmarks that print tables."))
                .addSubcommand("devices", new BenchDevices(t));
        CommandLine root = new CommandLine(new DeviceCli())
                .addSubcommand("diag", diag)
                .addSubcommand("sim", sim)
                .addSubcommand("bench", bench)
                .addSubcommand("demo", new DemoCommand(t));
        root.setOut(new java.io.PrintWriter(t.out(), true));
        root.setErr(new java.io.PrintWriter(t.err(), true));
        root.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            t.err().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see ./" + cmd.getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        });
        root.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            log.error("{} failed unexpectedly", cmd.getCommandSpec().qualifiedName(), ex);
            t.err().println(cmd.getCommandSpec().qualifiedName() + ": internal error (" + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + "); details are in out/logs/kiosk-cli.log");
            return ExitCodes.INTERNAL;
        });
        return root;
    }

    /** A command that only groups subcommands; run alone it lists them. */
    @Command(mixinStandardHelpOptions = true)
    static final class Group implements Runnable {
        private final String name;
        private final String description;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        Group(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public void run() {
            spec.commandLine().getErr().println(name + ": " + description + " Choose one of: "
                    + String.join(", ", spec.subcommands().keySet()) + " (add --help to any of them).");
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
        }
    }
}
