package org.bianmin.config.signing;

/** Why a kiosk refused a desired configuration; reported to the fleet service with the message that goes with it. */
public enum Rejection {
    /** The envelope is not one: not JSON, a field missing or of the wrong kind, a field that signed configs do not have. */
    MALFORMED,
    /** No signature, or an empty one. */
    UNSIGNED,
    /** Signed with a key this kiosk was not provisioned to trust, or naming no key. */
    UNKNOWN_KEY,
    /** The signature does not match the signed bytes: changed after signing, or signed by another key than it names. */
    BAD_SIGNATURE,
    /** For another kiosk, or a group this kiosk is not in. */
    WRONG_TARGET,
    /** The version the kiosk already runs, sent again. */
    REPLAYED,
    /** Older than the version the kiosk runs. */
    STALE
}
