package org.apom.networks.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** A volunteer joining a network. */
public record JoinJson(String volunteerId,
        @Schema(nullable = true, description = "the first day (ISO or d/m/yyyy in the Buddhist era); today when left "
                + "out") String since) {
}
