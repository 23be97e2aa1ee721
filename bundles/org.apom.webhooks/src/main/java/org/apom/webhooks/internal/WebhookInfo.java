package org.apom.webhooks.internal;

import java.time.Instant;
import java.util.List;

import org.apom.webhooks.internal.jpa.WebhookEntity;

import io.swagger.v3.oas.annotations.media.Schema;

/** A webhook as the API shows it; {@code secret} only in the answer that created it. */
public record WebhookInfo(String id, String url,
        @Schema(nullable = true) String description,
        @Schema(description = "the events it is sent, among volunteer.created, volunteer.updated, volunteer.status, "
                + "volunteer.merged, volunteer.deleted") List<String> types,
        @Schema(nullable = true, description = "the province whose changes it is sent; null for every province")
        String province,
        boolean enabled,
        @Schema(nullable = true, description = "why it stopped being sent, when it is disabled") String disabledReason,
        String createdBy, Instant createdAt,
        @Schema(description = "the change feed position it has queued messages up to (a cursor of GET /changes)")
        String cursor,
        @Schema(nullable = true) Instant lastSuccessAt,
        @Schema(nullable = true, description = "since when every attempt has failed; null while it gets through")
        Instant failingSince,
        @Schema(nullable = true, description = "the signing secret (whsec_...), in the answer that created the "
                + "webhook only: keep it, it is never shown again") String secret) {

    static WebhookInfo of(WebhookEntity w, String secret) {
        return new WebhookInfo(w.id(), w.url(), w.description(), w.eventTypes(), w.province(), w.enabled(),
                w.disabledReason(), w.createdBy(), w.createdAt(),
                org.apom.core.api.PageRequest.encode(Long.toString(w.feedPosition())), w.lastSuccessAt(),
                w.failingSince(), secret);
    }
}
