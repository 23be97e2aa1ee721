package org.apom.security.api;

import java.time.Instant;

/**
 * One entry of the audit trail: who did what to which record, when, in which request, with the record's
 * state before and after (JSON, for writes), and the hash that chains it to the entry before.
 */
public record AuditEntry(long seq, Instant at, String actor, String actorKind, String roles, String province,
        String action, String entity, String entityId, String entityProvince, String requestId, String before,
        String after, String previousHash, String hash) {
}
