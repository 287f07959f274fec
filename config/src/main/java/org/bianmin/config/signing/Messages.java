package org.bianmin.config.signing;

/** Helpers for one-line messages that quote what an admin or a network sent. */
final class Messages {
    private Messages() {
    }

    /** Shortened and with control characters shown as '?', so a message stays one readable line. */
    static String shown(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
