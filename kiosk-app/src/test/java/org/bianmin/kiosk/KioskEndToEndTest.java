package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole visit with every real part: the reference backend as its own process, the kiosk built by
 * its composition root from the demo config, the serial devices simulated byte for byte, and the A4
 * document printed through javax.print to a real CUPS queue (cups-pdf). Checks the PDF that comes
 * out of CUPS (its verification QR code) and the receipt the printer simulator decoded.
 */
class KioskEndToEndTest {
    private static final String QUEUE = "KioskPDF";
    private static final Pattern CUPS_PDF_JOB = Pattern.compile(".*-job_(\\d+)\\.pdf");

    @TempDir
    static Path dir;

    static BackendProcess backend;
    static Path cupsOutput;

    @BeforeAll
    static void backendAndCups() {
        cupsOutput = Path.of(run(List.of(projectFile("scripts/cups-setup").toString(), QUEUE), "cups-pdf output: (.+)"));
        backend = BackendProcess.start(dir.resolve("backend"));
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aCitizenWithAnIdCardGetsTheCertificatePrintedThroughCupsAndAReceiptAndLeavesNothingBehind() throws Exception {
        Set<Path> before = cupsJobs();
        KioskConfig config = KioskConfigLoader.overDefaults()
                .file(projectFile("config/kiosk-demo.yaml"))
                .set("backend.url", backend.baseUri().toString())
                .set("devices.documentPrinter.queue", QUEUE)
                .set("devices.documentPrinter.simulated", false)
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                .load();
        KioskToken token = KioskToken.resolve(config.backend(), Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
        Path receipts = dir.resolve("receipts");
        try (KioskApp kiosk = KioskApp.start(config, token, KioskApp.Options.in(dir.resolve("state")).withReceiptsIn(receipts))) {
            VisitMachine m = kiosk.machine();
            await("the service list").atMost(Duration.ofSeconds(30)).until(() -> m.view() != null && m.view().backendOnline());

            m.wake();
            VisitView home = awaitView(m, v -> v.step() == Step.HOME && !v.services().isEmpty(), "home with services");
            assertTrue(home.services().stream().anyMatch(t -> t.code().equals(ServiceRules.SI_CERTIFICATE) && t.available()),
                    home.services().toString());
            m.chooseService(ServiceRules.SI_CERTIFICATE);
            awaitView(m, v -> v.step() == Step.IDENTIFY, "identify");

            kiosk.devices().simulators().orElseThrow().idCardSimulator().placeCard(CardFixtures.resident());
            VisitView guide = awaitView(m, v -> v.step() == Step.SERVICE_GUIDE, "the guide after the card was read");
            assertTrue(guide.identity().orElseThrow().confirmed());
            assertFalse(guide.identity().orElseThrow().number().orElse("").matches(".*\\d{17}[\\dX].*"), "the number is shown masked");

            m.confirm();
            VisitView preview = awaitView(m, v -> v.step() == Step.PREVIEW, "the preview");
            assertFalse(preview.pages().isEmpty(), "pages rendered for the preview");
            DocumentTicket ticket = preview.ticket().orElseThrow();

            m.print();
            VisitView done = awaitView(m, v -> v.step() == Step.DONE, "both jobs done");
            assertFalse(done.receiptMissing(), done.printProgress().toString());

            Path printed = awaitNewCupsJob(before);
            String qr = decodeQr(printed);
            assertEquals(ticket.verifyUrl(), qr, "the verification QR code on the page CUPS printed");

            String receipt = Files.readString(onlyReceipt(receipts), StandardCharsets.UTF_8);
            assertTrue(receipt.contains(ticket.caseNumber()), receipt);
            assertTrue(receipt.contains(ticket.verificationCode()), receipt);
            assertFalse(receipt.contains("110105194910010015"), "no full ID number on the receipt");

            kiosk.devices().simulators().orElseThrow().idCardSimulator().removeCard();
            awaitView(m, v -> v.step() == Step.EVALUATE, "the evaluation after the card was taken");
            m.grade(Grade.VERY_SATISFIED);
            VisitView idle = awaitView(m, v -> v.step() == Step.IDLE, "idle after the thanks");
            assertTrue(idle.identity().isEmpty() && idle.ticket().isEmpty() && idle.pages().isEmpty(), idle.toString());
        }
    }

    private static VisitView awaitView(VisitMachine m, Predicate<VisitView> p, String what) {
        return await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(m::view, v -> {
            if (v != null && v.step() == Step.PROBLEM) {
                fail("problem instead of " + what + ": " + v);
            }
            return v != null && p.test(v);
        });
    }

    private static Set<Path> cupsJobs() throws IOException {
        if (!Files.isDirectory(cupsOutput)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(cupsOutput)) {
            return Set.copyOf(s.filter(p -> CUPS_PDF_JOB.matcher(p.getFileName().toString()).matches()).toList());
        }
    }

    private static Path awaitNewCupsJob(Set<Path> before) {
        return await("the PDF cups-pdf wrote").atMost(Duration.ofSeconds(60)).until(() -> {
            for (Path p : cupsJobs()) {
                if (!before.contains(p) && sizeSettled(p)) {
                    return p;
                }
            }
            return null;
        }, p -> p != null);
    }

    private static boolean sizeSettled(Path p) throws IOException {
        long a = Files.size(p);
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return a > 0 && a == Files.size(p);
    }

    private static Path onlyReceipt(Path receipts) throws IOException {
        try (Stream<Path> s = Files.list(receipts)) {
            List<Path> txt = s.filter(p -> p.toString().endsWith(".txt")).toList();
            assertEquals(1, txt.size(), "one receipt: " + txt);
            return txt.get(0);
        }
    }

    /** The last page (where the certificate carries its code) rendered by poppler, its QR code read by zbar. */
    private static String decodeQr(Path pdf) throws IOException {
        String pages = run(List.of("pdfinfo", pdf.toString()), "^Pages:\\s+(\\d+)");
        assertEquals("595x842", run(List.of("pdfinfo", pdf.toString()), "^Page size:\\s+(\\d+ x \\d+)").replace(" ", ""),
                "CUPS printed on A4");
        Path png = dir.resolve("printed");
        run(List.of("pdftoppm", "-r", "150", "-png", "-f", pages, "-l", pages, "-singlefile", pdf.toString(), png.toString()), null);
        return run(List.of("zbarimg", "--nodbus", "-Sbinary", "--raw", "-q", png + ".png"), "(?s)(.+)").strip();
    }

    private static String run(List<String> command, String wanted) {
        try {
            // poppler warns on every glyph of the fonts cups-pdf writes: stderr is kept apart and shown only on failure
            Path errors = Files.createTempFile(dir, "stderr", ".txt");
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                String err = Files.readString(errors, StandardCharsets.UTF_8);
                return fail(String.join(" ", command) + " failed:\n" + out + err.substring(0, Math.min(err.length(), 2000)));
            }
            if (wanted == null) {
                return out;
            }
            Matcher matcher = Pattern.compile("(?m)" + wanted).matcher(out);
            return matcher.find() ? matcher.group(1) : fail(String.join(" ", command) + " did not print " + wanted + ":\n" + out);
        } catch (IOException e) {
            return fail(command.get(0) + " could not be run (" + e.getMessage() + "); ./kiosk test installs what the tests need");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    static Path projectFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        return fail(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
