package org.apom.webhooks.internal;

import java.time.Instant;
import java.util.List;

import org.apom.webhooks.internal.jpa.DeliveryEntity;

import io.swagger.v3.oas.annotations.media.Schema;

/** One message of a webhook and how its attempts went; the attempts themselves when one delivery is read. */
public record DeliveryInfo(
        @Schema(description = "the message id, sent as webhook-id on every attempt: receivers drop repeats by it")
        String id,
        String type,
        @Schema(allowableValues = {"PENDING", "DELIVERED", "FAILED"}) String state,
        int attempts,
        @Schema(nullable = true) Instant nextAttemptAt,
        Instant createdAt,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true, description = "the HTTP status of the last answer; null when there was none")
        Integer lastStatus,
        @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(description = "the body, as sent") String payload,
        @Schema(nullable = true, description = "every attempt, oldest first, when one delivery is read; null in lists")
        List<Attempt> attemptLog) {

    /** One attempt: when, what the endpoint answered or why it did not, how long it took. */
    public record Attempt(Instant at,
            @Schema(nullable = true) Integer status,
            @Schema(nullable = true) String error,
            int millis) {
    }

    static DeliveryInfo of(DeliveryEntity d, List<Attempt> attempts) {
        return new DeliveryInfo(d.id(), d.eventType(), d.state().name(), d.attempts(), d.nextAttemptAt(),
                d.createdAt(), d.lastAttemptAt(), d.lastStatus(), d.lastError(), d.deliveredAt(), d.payload(),
                attempts);
    }
}
