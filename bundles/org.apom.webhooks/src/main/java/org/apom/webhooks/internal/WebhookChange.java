package org.apom.webhooks.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A change of a webhook (JSON merge patch): what is left out stays as it is. */
public record WebhookChange(
        @Schema(nullable = true) String url,
        @Schema(nullable = true) List<String> types,
        @Schema(nullable = true) String description,
        @Schema(nullable = true, description = "false stops sending (messages wait); true sends again, from where "
                + "it stopped") Boolean enabled) {

    public WebhookChange {
        // not List.copyOf: a null element is the caller's mistake, answered by validation, not a 500
        types = types == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(types));
    }
}
