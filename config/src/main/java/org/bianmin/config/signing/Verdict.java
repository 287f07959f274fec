package org.bianmin.config.signing;

import java.util.Objects;

/** What {@link ConfigVerifier} decided about one signed configuration: apply it, or refuse it for a typed reason. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    boolean isAccepted();

    /**
     * The configuration may be applied (schema validation still comes first).
     *
     * @param config the envelope, whose {@link SignedConfig#config()} is the tree exactly as signed
     */
    record Accepted(SignedConfig config) implements Verdict {
        public Accepted {
            Objects.requireNonNull(config, "config");
        }

        @Override
        public boolean isAccepted() {
            return true;
        }
    }

    /**
     * The configuration must not be applied.
     *
     * @param reason  the typed reason, for reports and counters
     * @param message one line in plain words: what was refused, why, and what the admin should do
     */
    record Rejected(Rejection reason, String message) implements Verdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }
    }
}
