package org.apom.registry.internal.rest;

import java.time.Instant;

import org.apom.registry.api.Transfer;

/** A transfer request as the API shows it (codes as text; the sending side hidden from the asker until approved). */
public record TransferJson(String id, String volunteerId, String fromProvince, String toProvince,
        String subdistrictCode, String reason, String status, String requestedBy, Instant requestedAt,
        String decidedBy, Instant decidedAt, String decisionReason, long version) {

    static TransferJson of(Transfer t) {
        return new TransferJson(t.id(), t.volunteerId(), t.fromProvince() == null ? null : t.fromProvince().value(),
                t.toProvince().value(), t.subdistrictCode().value(), t.reason(), t.status().name(), t.requestedBy(),
                t.requestedAt(), t.decidedBy(), t.decidedAt(), t.decisionReason(), t.version());
    }
}
