package org.bianmin.backend.store;

import java.time.Instant;

/** A stored evaluation: the request as accepted, with its id, kiosk and time. */
public record Evaluation(String id, String kioskId, EvaluationRequest request, Instant submittedAt) {
}
