package org.bianmin.backend.store;

import java.util.regex.Pattern;

/**
 * What a kiosk reports about one print job.
 *
 * @param documentId the document the job printed (as issued by the backend)
 * @param state      queued, printed or failed
 * @param reason     why it failed: required for failed, absent otherwise
 */
public record PrintReport(String documentId, PrintState state, String reason) {
    static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public PrintReport {
        Checks.matches("documentId", documentId, DOCUMENT_ID, "must be 1 to 64 letters, digits, dots, underscores or hyphens");
        Checks.present("state", state);
        if (state == PrintState.FAILED) {
            Checks.text("reason", reason, 200);
        } else if (reason != null) {
            throw new InvalidInputException("reason", "is only allowed when state is failed");
        }
    }
}
