package org.apom.registry.api;

import java.time.Instant;

/**
 * One change of the register as a change feed tells it: which record, what happened to it, its version after, and
 * where in the audit chain it was sealed (the feed's position). Never the record's data.
 *
 * @param position where in the audit chain the change was sealed; the same on every node and after any restart
 * @param entity the kind of record ({@code volunteer}, or a {@link ChangeSource}'s type)
 * @param kind {@code created}, {@code updated}, {@code status}, {@code merged} or {@code deleted} (left the
 *        provinces the feed covers)
 * @param version the record's version after the change; {@code null} for {@code deleted}
 * @param province the record's province after the change; for {@code deleted}, the one it left; {@code null} for
 *        a national record
 * @since 1.3
 */
public record Change(long position, String entity, String id, String kind, Long version, Instant at,
        String province) {
}
