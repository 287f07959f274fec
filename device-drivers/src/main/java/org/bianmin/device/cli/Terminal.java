package org.bianmin.device.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.device.DeviceException;

/**
 * Where the technician commands write: plain lines for a person, or one JSON document with
 * {@code --json}. Failures are always one line that says what is wrong and what to check.
 */
final class Terminal {
    private final PrintStream out;
    private final PrintStream err;

    Terminal() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    Terminal(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void line(String s) {
        out.println(s);
    }

    void json(Map<String, ?> doc) {
        out.println(Json.of(doc));
    }

    /** Reports a typed device failure and returns the matching exit code. */
    int fail(String command, DeviceException e, boolean json) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", false);
            doc.put("code", e.error().code());
            doc.put("error", e.error().name());
            doc.put("message", e.getMessage());
            out.println(Json.of(doc));
        } else {
            err.println(command + ": " + e.error().code() + " " + e.getMessage());
        }
        return ExitCodes.of(e.error());
    }

    /** Reports a plain problem (bad option value, missing file) and returns the given exit code. */
    int fail(String command, String message, int exitCode, boolean json) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", false);
            doc.put("message", message);
            out.println(Json.of(doc));
        } else {
            err.println(command + ": " + message);
        }
        return exitCode;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
