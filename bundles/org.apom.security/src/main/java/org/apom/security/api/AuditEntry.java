package org.apom.security.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of the audit trail: who did what to which record, when, in which request, with the record's
 * state before and after (JSON, for writes), and the hash that chains it to the entry before.
 */
public record AuditEntry(long seq, Instant at, String actor, String actorKind, String roles,
        @Schema(nullable = true) String province, String action, String entity, String entityId,
        @Schema(nullable = true) String entityProvince, @Schema(nullable = true) String requestId,
        @Schema(nullable = true) String before, @Schema(nullable = true) String after,
        @Schema(nullable = true, description = "null until sealed into the chain") String previousHash,
        @Schema(nullable = true, description = "null until sealed into the chain") String hash) {
}
