package org.bianmin.device.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.device.printer.PrinterStatus;

/** A printer status as fields for --json and lines for a person. */
final class PrinterStatusView {
    private PrinterStatusView() {}

    static Map<String, Object> fields(PrinterStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", s.ready());
        m.put("online", s.online());
        m.put("coverOpen", s.coverOpen());
        m.put("paperNearEnd", s.paperNearEnd());
        m.put("paperOut", s.paperOut());
        m.put("cutterError", s.cutterError());
        m.put("unrecoverableError", s.unrecoverableError());
        m.put("autoRecoverableError", s.autoRecoverableError());
        m.put("problem", s.problem().map(e -> e.code() + " " + e.name()).orElse(null));
        m.put("raw", s.raw());
        return m;
    }
}
