package org.apom.recognition.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A move of a network's registration, as posted.
 *
 * @param status the status to move to
 */
public record RegistrationChangeJson(
        @Schema(allowableValues = {"PREPARING", "SUBMITTED", "REGISTERED", "REJECTED"}) String status,
        @Schema(nullable = true, description = "for REGISTERED") String registrationNumber,
        @Schema(nullable = true, description = "for REGISTERED: ISO or d/m/yyyy in the Buddhist era")
        String registeredOn,
        @Schema(nullable = true, description = "for REGISTERED") String registeringBody,
        @Schema(nullable = true, description = "for REJECTED") String reason) {
}
