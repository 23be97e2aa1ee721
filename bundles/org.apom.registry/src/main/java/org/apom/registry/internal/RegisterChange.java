package org.apom.registry.internal;

import java.time.Instant;

/**
 * One change of the register as a change feed tells it: which record, what happened to it, its version after, and
 * where in the audit chain it was sealed (the feed's position).
 *
 * @param kind {@code created}, {@code updated}, {@code status}, {@code merged} or {@code deleted} (left the
 *        provinces the feed covers)
 * @param version the record's version after the change; {@code null} for {@code deleted}
 */
public record RegisterChange(long seq, String entity, String id, String kind, Long version, Instant at,
        String province) {
}
