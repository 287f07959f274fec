package org.bianmin.device.document;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** pdftotext from poppler-utils, run as a process. */
final class Poppler {
    private Poppler() {}

    static String pdftotext(Path pdf) {
        try {
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("pdftotext did not finish within 60 s on " + pdf);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail("pdftotext " + pdf + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            return fail("pdftotext cannot be run (" + e.getMessage() + "); install the Debian package poppler-utils (./kiosk test installs it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for pdftotext");
        }
    }
}
