package org.bianmin.backend.store;

import java.time.Instant;

/** One row of the print ledger: the latest report for an idempotency key, and when it was first and last changed. */
public record PrintRecord(String idempotencyKey, String kioskId, PrintReport report, Instant createdAt, Instant updatedAt) {
}
