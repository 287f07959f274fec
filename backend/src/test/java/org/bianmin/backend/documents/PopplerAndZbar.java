package org.bianmin.backend.documents;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent checkers (poppler-utils, zbar-tools) on a PDF and returns what they print. */
final class PopplerAndZbar {
    private PopplerAndZbar() {}

    static String pdffonts(Path pdf) {
        return run("poppler-utils", "pdffonts", pdf.toString());
    }

    static String pdftotext(Path pdf, int firstPage, int lastPage) {
        return run("poppler-utils", "pdftotext", "-enc", "UTF-8", "-f", String.valueOf(firstPage), "-l",
                String.valueOf(lastPage), pdf.toString(), "-");
    }

    /** pdfsig exits 0 even on a digest mismatch, so callers read what it prints. */
    static String pdfsig(Path pdf) {
        return run("poppler-utils", "pdfsig", pdf.toString());
    }

    /** Renders one page at 150 dpi to {@code <prefix>.png} and returns that file. */
    static Path pageImage(Path pdf, int page, Path prefix) {
        run("poppler-utils", "pdftoppm", "-r", "150", "-png", "-singlefile", "-f", String.valueOf(page), "-l",
                String.valueOf(page), pdf.toString(), prefix.toString());
        return Path.of(prefix + ".png");
    }

    /** The decoded QR payload; -Sbinary keeps UTF-8 intact. */
    static String zbarimg(Path png) {
        return run("zbar-tools", "zbarimg", "--nodbus", "-q", "-Sbinary", "--raw", png.toString()).strip();
    }

    private static String run(String debianPackage, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command[0] + " did not finish within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !command[0].equals("pdfsig")) {
                fail(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            return fail(command[0] + " cannot be run (" + e.getMessage() + "); install the Debian package "
                    + debianPackage + " (./kiosk test installs it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + command[0]);
        }
    }
}
