package org.bianmin.backend.fleet;

import org.bianmin.config.signing.Rejection;

/** A pushed envelope the backend will not hand to kiosks: malformed, unsigned, or not signed by a registered admin key. */
public class EnvelopeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Rejection reason;

    public EnvelopeRefusedException(Rejection reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Rejection reason() {
        return reason;
    }
}
