package org.apom.recognition.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An honour received before the platform, as posted.
 *
 * @param fiscalYear the Buddhist-era fiscal year it was given for
 * @param conferredOn the day, ISO or d/m/yyyy in the Buddhist era
 */
public record NewHonourJson(String awardCode, @Schema(nullable = true) String awardClass,
        @Schema(example = "2565") Integer fiscalYear,
        @Schema(description = "ISO or d/m/yyyy in the Buddhist era", example = "2022-07-28") String conferredOn,
        @Schema(nullable = true) String gazetteReference) {
}
