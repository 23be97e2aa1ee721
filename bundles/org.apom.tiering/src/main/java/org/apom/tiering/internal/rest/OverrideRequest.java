package org.apom.tiering.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** A central admin's tier for a network and fiscal year. */
public record OverrideRequest(Integer fiscalYear, @Schema(allowableValues = {"A", "B", "C"}) String tier,
        String reason) {
}
