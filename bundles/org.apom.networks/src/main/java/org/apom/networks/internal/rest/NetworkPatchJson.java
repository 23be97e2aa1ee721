package org.apom.networks.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** The fields of a network that change (for the API description; the body is read as a merge patch). */
public record NetworkPatchJson(@Schema(nullable = true) String name,
        @Schema(nullable = true, description = "ISO or d/m/yyyy in the Buddhist era") String foundedOn) {
}
