package org.bianmin.kiosk.fleet;

import java.util.Objects;

/** Why a call to the {@link FleetService} failed, with one line saying what happened; never carries a token. */
public final class FleetServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the kiosk can do about a failure. */
    public enum Kind {
        /** No answer, or a failure of the service (5xx, an answer outside the contract): ask again later. */
        UNAVAILABLE,
        /** The service refused the kiosk's token (401, 403): a provisioning fault; asking again helps once it is fixed. */
        UNAUTHORISED,
        /** The service refused this request as invalid (400, 413): sending it again changes nothing. */
        REFUSED
    }

    private final Kind kind;

    public FleetServiceException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
