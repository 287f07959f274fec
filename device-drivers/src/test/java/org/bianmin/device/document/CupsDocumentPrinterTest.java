package org.bianmin.device.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrintResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract against a real cupsd with a cups-pdf queue: jobs go through javax.print and lpr, the
 * status and the job's end come over IPP, and what comes out is the PDF cups-pdf writes. The queue is
 * made ready by {@code scripts/cups-setup}; without CUPS this test fails and says what to install.
 */
class CupsDocumentPrinterTest extends DocumentPrinterContract {
    static final String QUEUE = "KioskPDF";
    private static final Pattern CUPS_PDF_OUTPUT = Pattern.compile(".*-job_(\\d+)\\.pdf");

    static Path outputDir;

    CupsDocumentPrinter printer;

    @BeforeAll
    static void cupsIsReady() {
        String out = run(setupScript().toString(), QUEUE);
        Matcher m = Pattern.compile("(?m)^cups-pdf output: (.+)$").matcher(out);
        if (!m.find()) {
            fail("scripts/cups-setup did not say where cups-pdf writes:\n" + out);
        }
        outputDir = Path.of(m.group(1).strip());
    }

    private static Path setupScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/cups-setup");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        return fail("scripts/cups-setup was not found above " + Path.of("").toAbsolutePath() + "; run the tests from the project");
    }

    @BeforeEach
    void open() throws Exception {
        printer = new CupsDocumentPrinter("a4-printer", new CupsPrintQueue(QUEUE),
                DocumentPrinterSettings.DEFAULTS.withJobTimeout(Duration.ofSeconds(60)).withPollInterval(Duration.ofMillis(100)),
                PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
        printer.open();
        printer.enable();
    }

    @AfterEach
    void close() {
        printer.close();
    }

    @Override
    protected DocumentPrinter printer() {
        return printer;
    }

    /** cups-pdf's files, in job order; the name before {@code -job_<id>} is the mangled title. */
    @Override
    protected List<Path> outputs() throws IOException {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.filter(p -> CUPS_PDF_OUTPUT.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(CupsDocumentPrinterTest::jobNumber)).toList();
        }
    }

    private static long jobNumber(Path p) {
        Matcher m = CUPS_PDF_OUTPUT.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    @Override
    protected void takeOffline() {
        run("cupsdisable", QUEUE);
    }

    @Override
    protected void bringOnline() {
        run("cupsenable", QUEUE);
    }

    @Test
    void aQueueThatRejectsJobsIsOfflineAndNothingIsSent() throws Exception {
        run("cupsreject", QUEUE);
        try {
            PrintResult r = printer.print(TestPdfs.withMarker("rejected", 1), "证明", key()).get();
            assertEquals(PrintResult.Outcome.REFUSED, r.outcome(), r.toString());
            assertEquals(DeviceError.PRINTER_OFFLINE, r.error());
        } finally {
            run("cupsaccept", QUEUE);
        }
    }

    @Test
    void anUnknownQueueFailsToOpenNamingTheQueuesThatExist() {
        CupsDocumentPrinter p = CupsDocumentPrinter.forQueue("a4-printer", "NoSuchQueue");
        DeviceException e = assertThrows(DeviceException.class, p::open);
        p.close();
        assertEquals(DeviceError.PORT_NOT_FOUND, e.error());
        assertTrue(e.getMessage().contains("NoSuchQueue") && e.getMessage().contains(QUEUE), e.getMessage());
    }

    /** Runs a CUPS command (root's PATH may lack /usr/sbin under some launchers); fails the test with its output. */
    static String run(String command, String... args) {
        String exe = command;
        for (String dir : List.of("/usr/sbin/", "/usr/bin/")) {
            if (!command.contains("/") && Files.isExecutable(Path.of(dir + command))) {
                exe = dir + command;
                break;
            }
        }
        List<String> cmd = Stream.concat(Stream.of(exe), Stream.of(args)).toList();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            return fail(command + " cannot be run (" + e.getMessage() + "); CUPS is needed for this test: as root, "
                    + "apt-get install -y cups cups-bsd printer-driver-cups-pdf, then scripts/cups-setup");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command);
        }
    }
}
