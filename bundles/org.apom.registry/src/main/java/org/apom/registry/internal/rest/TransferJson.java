package org.apom.registry.internal.rest;

import java.time.Instant;

import org.apom.registry.api.Transfer;

import io.swagger.v3.oas.annotations.media.Schema;

/** A transfer request as the API shows it (codes as text; the sending side hidden from the asker until approved). */
public record TransferJson(String id,
        @Schema(nullable = true, description = "null until approved for a caller who may not read the sender")
        String volunteerId,
        @Schema(nullable = true, description = "null until approved for a caller who may not read the sender")
        String fromProvince,
        String toProvince, String subdistrictCode, String reason,
        @Schema(allowableValues = {"REQUESTED", "APPROVED", "REJECTED"}) String status, String requestedBy,
        Instant requestedAt, @Schema(nullable = true) String decidedBy, @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true) String decisionReason, long version) {

    static TransferJson of(Transfer t) {
        return new TransferJson(t.id(), t.volunteerId(), t.fromProvince() == null ? null : t.fromProvince().value(),
                t.toProvince().value(), t.subdistrictCode().value(), t.reason(), t.status().name(), t.requestedBy(),
                t.requestedAt(), t.decidedBy(), t.decidedAt(), t.decisionReason(), t.version());
    }
}
