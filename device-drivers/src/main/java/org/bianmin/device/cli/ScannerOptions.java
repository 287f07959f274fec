package org.bianmin.device.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.bianmin.device.scanner.TriggerProtocol;

/** Parses the scanner options technicians type (protocol and charset names) with messages that list the choices. */
final class ScannerOptions {
    private ScannerOptions() {}

    static TriggerProtocol protocol(String s) {
        try {
            return TriggerProtocol.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--protocol " + s + " is not known; use none (continuous or sense mode), newland or gm65");
        }
    }

    /** Null means "detect": strict UTF-8, then GB18030. */
    static Charset charset(String s) {
        if (s == null || s.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Charset.forName(s);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--charset " + s + " is not known; use utf-8, gbk, gb18030 or auto");
        }
    }
}
