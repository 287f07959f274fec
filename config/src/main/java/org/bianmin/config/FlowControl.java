package org.bianmin.config;

import java.util.Locale;

/** Flow control on a serial line: most kiosk devices use none; some printers want hardware or software handshake. */
public enum FlowControl {
    /** No handshake: the kiosk paces what it sends itself. */
    NONE,
    /** Hardware handshake on the RTS and CTS wires. */
    RTS_CTS,
    /** Software handshake with the XON and XOFF bytes. */
    XON_XOFF;

    /** As written in the configuration: {@code none}, {@code rts-cts}, {@code xon-xoff}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
