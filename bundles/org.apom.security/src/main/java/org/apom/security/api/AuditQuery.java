package org.apom.security.api;

import java.time.Instant;

/** Filters of the audit trail; {@code null} means any. */
public record AuditQuery(String entity, String entityId, String actor, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
