package org.apom.webhooks.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What registering a webhook takes. */
public record NewWebhook(
        @Schema(description = "https URL on a host the platform allows", example = "https://hooks.example.go.th/apom")
        String url,
        @Schema(description = "the events to send: volunteer.created, volunteer.updated, volunteer.status, "
                + "volunteer.merged, volunteer.deleted") List<String> types,
        @Schema(nullable = true, description = "only this province's changes; every province you may read when "
                + "left out (a province's admin or token: theirs)") String province,
        @Schema(nullable = true) String description,
        @Schema(nullable = true, description = "a cursor of GET /changes to start after (to go on from a copy you "
                + "made by reading the feed); from now when left out") String after) {

    public NewWebhook {
        // not List.copyOf: a null element is the caller's mistake, answered by validation, not a 500
        types = types == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(types));
    }
}
