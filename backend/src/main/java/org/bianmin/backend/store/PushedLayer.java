package org.bianmin.backend.store;

import java.time.Instant;

/**
 * One signed layer as the history shows it (the envelope itself is fetched apart).
 *
 * @param revertOf the older version whose content this one carries again, or null for a new config
 */
public record PushedLayer(String target, long version, String keyId, String sha256, String pushedBy, Instant pushedAt,
                          Long revertOf) {
}
