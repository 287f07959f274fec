package org.bianmin.kiosk.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk diag selftest --config FILE}: the composition root of the technician's self-test. Reads
 * the kiosk config over the defaults, as {@code ./kiosk run} does, checks every device it names on its real
 * port without the UI, and prints one line per device. Exit code 0 when every required device is ok, 1 when
 * a required one fails (optional ones only warn), 2 for a bad config or bad options.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Check every device a kiosk config names, on its real port, without the UI: one line per device, "
                + "with a cause and a remedy when it fails.",
                "Exit code: 0 every required device ok, 1 a required device failed, 2 bad config or options."})
public final class SelftestCommand implements Callable<Integer> {
    static final int READY = 0;
    static final int NOT_READY = 1;
    static final int BAD_CONFIG = 2;
    private static final String NAME = "kiosk diag selftest";

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "the kiosk's configuration (YAML), laid over the defaults as for ./kiosk run")
    Path config;

    @Option(names = "--json", description = "print one JSON document instead of lines for a person")
    boolean json;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "language of causes and remedies: en or zh-CN (default: ${DEFAULT-VALUE}; a text console may lack Chinese fonts)")
    String language;

    private final PrintStream out;
    private final PrintStream err;

    SelftestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command with {@code args}; returns the exit code. */
    static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new SelftestCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            String hint = e.getMessage().contains("--config") ? "; give the kiosk's config with --config FILE, or use --sim to check"
                    + " the simulators alone" : "";
            err.println(NAME + ": " + e.getMessage() + hint + "; see ./" + NAME + " --help");
            return BAD_CONFIG;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            LoggerFactory.getLogger(SelftestCommand.class).error("the self-test failed unexpectedly", e);
            err.println(NAME + ": internal error (" + e.getClass().getSimpleName() + "); details are in out/logs/kiosk-cli.log");
            return 70;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (!language.equals("en") && !language.equals("zh-CN")) {
            err.println(NAME + ": --lang " + language + " is not offered; use en or zh-CN");
            return BAD_CONFIG;
        }
        KioskConfig cfg;
        try {
            cfg = KioskConfigLoader.load(config);
        } catch (ConfigException e) {
            if (json) {
                out.println(configProblems(e.problems()));
            }
            err.println(NAME + ": " + e.getMessage());
            return BAD_CONFIG;
        }
        SelftestReport report = new SelftestReport(cfg.identity().kioskId(), config.toString(), cfg.version(), language,
                KioskSelftest.run(cfg));
        if (json) {
            out.println(report.json());
        } else {
            report.lines().forEach(out::println);
        }
        return report.ready() ? READY : NOT_READY;
    }

    private String configProblems(List<ConfigProblem> problems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("config", config.toString());
        doc.put("ready", false);
        doc.put("configProblems", problems.stream().map(ConfigProblem::toString).toList());
        try {
            return new ObjectMapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
