package org.bianmin.kiosk.backend;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a backend call failed, typed so the visit can choose the citizen's next step. The message is
 * for the log and the technician (no personal data); the citizen sees a text chosen by {@link #kind()}.
 */
public final class BackendException extends RuntimeException {

    public enum Kind {
        /** No answer: network down, connection refused, timed out. Worth retrying later. */
        UNREACHABLE,
        /** The kiosk's own token was refused (401/403): a configuration fault, not the citizen's. */
        KIOSK_NOT_AUTHORISED,
        /** The subject token expired or is unknown (401 on a document request): identify again. */
        IDENTIFICATION_EXPIRED,
        /** Nothing on record (404): no such citizen, licence or document. */
        NOT_FOUND,
        /** The request contradicts what is recorded (409), e.g. a second evaluation of a case. */
        CONFLICT,
        /** The backend refused the request as invalid (400). */
        REJECTED,
        /** Too many identifications at this kiosk (429). */
        RATE_LIMITED,
        /** The backend failed (5xx) or answered something the contract does not allow. */
        SERVER_ERROR
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final String detail;

    public BackendException(Kind kind, int status, String message) {
        this(kind, status, message, null, null);
    }

    public BackendException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, null, cause);
    }

    /** A refusal that says when to ask again ({@code Retry-After}), e.g. {@link Kind#RATE_LIMITED}. */
    public BackendException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        this(kind, status, message, retryAfter, null, cause);
    }

    /**
     * A refusal with the problem document's {@code detail}: the backend's reason in plain words, e.g. why a
     * technician code was refused.
     */
    public BackendException(Kind kind, int status, String message, Duration retryAfter, String detail, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** How long the backend asked the kiosk to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The backend's reason in plain words ({@code detail} of its problem document, ID numbers masked), when it gave one. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
