package org.bianmin.kiosk.backend;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who the backend identified. {@code subjectToken} is a secret for this visit only; the names and
 * numbers here are already masked by the backend, except a licence holder's (an organisation's) name.
 */
public record Identification(String subjectToken, Instant expiresAt, SubjectKind kind, String displayName,
                             Optional<String> maskedIdNumber, Optional<String> licenceKind, Optional<String> licenceNumber,
                             List<String> services) {

    public enum SubjectKind { CITIZEN, LICENCE }

    public Identification {
        services = List.copyOf(services);
    }

    @Override
    public String toString() {
        return "Identification[" + kind + ", services=" + services + "]";
    }
}
