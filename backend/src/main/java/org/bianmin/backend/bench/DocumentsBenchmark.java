package org.bianmin.backend.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bianmin.backend.documents.CjkFont;
import org.bianmin.backend.documents.DocumentException;
import org.bianmin.backend.documents.DocumentFont;
import org.bianmin.backend.documents.DocumentIssuer;
import org.bianmin.backend.documents.IssueDetails;
import org.bianmin.backend.documents.SigningKeys;
import org.bianmin.backend.documents.VerificationCodes;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.seed.SeedData;
import org.bianmin.backend.seed.SeedGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command-line entry of {@code ./kiosk bench documents}: times signed participation certificates of 12, 60
 * and 240 months, warm, with the backend's font (subset, loaded once) and a naive baseline (whole font,
 * loaded for every document), and prints p50/p99 and PDF size against the target.
 */
@Command(name = "kiosk bench documents", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Certificate generation time (p50/p99, warm) and PDF size, against a naive baseline.")
public final class DocumentsBenchmark implements Callable<Integer> {
    static final int[] MONTHS = {12, 60, 240};
    static final double TARGET_P50_MS = 100;
    static final long TARGET_BYTES = 300 * 1024;
    static final int FAILED = 1;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "60",
            description = "documents rendered before measuring each row (JIT warm-up; default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100",
            description = "documents measured per row (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--baseline-warmup", paramLabel = "N", defaultValue = "2",
            description = "warm-up documents per naive row (default ${DEFAULT-VALUE})")
    int baselineWarmup;

    @Option(names = "--baseline-iterations", paramLabel = "N", defaultValue = "8",
            description = "documents measured per naive row; each reads and embeds the whole font (default ${DEFAULT-VALUE})")
    int baselineIterations;

    @Option(names = "--font", paramLabel = "TTC", description = "WenQuanYi Zen Hei collection (default ${DEFAULT-VALUE})")
    Path fontFile = CjkFont.DEFAULT_PATH;

    @Spec
    CommandSpec spec;

    /** One measured row: what was rendered, the sorted durations and the size of the last PDF. */
    record Row(String variant, int months, int pages, long[] nanos, int bytes) {
        double percentileMs(double p) {
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos[Math.max(0, rank - 1)] / 1e6;
        }

        boolean onTarget() {
            return percentileMs(50) < TARGET_P50_MS && bytes < TARGET_BYTES;
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DocumentsBenchmark());
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println("kiosk bench documents: " + e.getMessage());
            cli.getErr().println("Run ./kiosk bench documents --help for the options.");
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (warmup < 0 || baselineWarmup < 0 || iterations < 1 || baselineIterations < 1) {
            err.println("kiosk bench documents: warm-up counts must be 0 or more and iteration counts 1 or more");
            return CommandLine.ExitCode.USAGE;
        }
        SeedData seed = new SeedGenerator(20250601L, YearMonth.of(2025, 6)).generate();
        InsuranceHistory full = seed.historyOf(SeedGenerator.SIMULATED_CARD_ID_NUMBER).orElseThrow();
        SigningKeys keys = SigningKeys.generateForPlatform(Duration.ofDays(1));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<Row> rows = new ArrayList<>();
        Path wholeFont = null;
        try (CjkFont font = CjkFont.load(fontFile)) {
            wholeFont = Files.createTempFile("bench-wqy-zenhei-", ".ttf");
            Files.write(wholeFont, StandaloneTrueType.extract(fontFile, CjkFont.FONT_NAME));
            out.printf("Certificate generation (render + sign), %d warm-up and %d measured documents per row; "
                    + "naive baseline %d and %d.%n", warmup, iterations, baselineWarmup, baselineIterations);
            out.flush();
            DocumentIssuer subset = new DocumentIssuer(font, keys, zone);
            DocumentIssuer naive = new DocumentIssuer(new WholeFontPerDocument(wholeFont), keys, zone);
            for (int months : MONTHS) {
                InsuranceHistory history = CertificateHistories.lastMonths(full, months);
                rows.add(measure("subset font, loaded once", subset, history, seed, warmup, iterations));
                rows.add(measure("naive: whole font, per doc", naive, history, seed, baselineWarmup,
                        baselineIterations));
            }
        } catch (DocumentException e) {
            err.println("kiosk bench documents: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("kiosk bench documents: cannot read or copy the font file " + fontFile + ": " + e.getMessage());
            return FAILED;
        } finally {
            deleteQuietly(wholeFont);
        }
        print(out, rows);
        return 0;
    }

    static void print(PrintWriter out, List<Row> rows) {
        out.printf("%-28s %6s %5s %9s %9s %10s  %s%n", "variant", "months", "pages", "p50 ms", "p99 ms", "size KB",
                "target: p50 < " + (int) TARGET_P50_MS + " ms, < " + TARGET_BYTES / 1024 + " KB");
        for (Row r : rows) {
            out.printf("%-28s %6d %5d %9.1f %9.1f %10.1f  %s%n", r.variant(), r.months(), r.pages(),
                    r.percentileMs(50), r.percentileMs(99), r.bytes() / 1024.0, r.onTarget() ? "ok" : "OVER TARGET");
        }
        out.flush();
    }

    private static Row measure(String variant, DocumentIssuer issuer, InsuranceHistory history, SeedData seed,
            int warmup, int iterations) throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < warmup; i++) {
            issuer.certificate(history, issue(seed, random));
        }
        long[] nanos = new long[iterations];
        byte[] pdf = null;
        for (int i = 0; i < iterations; i++) {
            IssueDetails issue = issue(seed, random);
            long start = System.nanoTime();
            pdf = issuer.certificate(history, issue);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        int pages;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            pages = d.getNumberOfPages();
        }
        return new Row(variant, history.contributionMonths().size(), pages, nanos, pdf.length);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary copy of a public font left in the temp directory harms nothing
            }
        }
    }

    private static IssueDetails issue(SeedData seed, Random random) {
        return new IssueDetails(seed.insuranceAgency(), LocalDateTime.of(2025, 6, 18, 9, 30),
                VerificationCodes.generate(random), URI.create("http://127.0.0.1:8080"));
    }
}
