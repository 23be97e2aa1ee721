package org.apom.networks.internal.rest;

import org.apom.networks.api.CurrentTier;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** A network's latest grading as the API answers it; its assessment explains it. */
@Schema(name = "CurrentTier")
public record CurrentTierJson(@Schema(description = "the Buddhist-era fiscal year graded") int fiscalYear,
        @Schema(allowableValues = {"A", "B", "C"}, description = "as computed") String tier,
        @Schema(description = "the run that computed it") String runId,
        @Schema(allowableValues = {"A", "B", "C"}, description = "a central admin's override for that year, shown "
                + "beside the computed tier; absent when none")
        @JsonInclude(JsonInclude.Include.NON_NULL) String override) {

    static CurrentTierJson of(CurrentTier t) {
        return t == null ? null : new CurrentTierJson(t.fiscalYear(), t.tier(), t.runId(), t.override());
    }
}
