package org.apom.tiering.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A network's grade in one run: the tier, the total score, and every criterion's part. Never changed once stored.
 *
 * @param current whether this is the network's current assessment for the fiscal year: from the latest completed run
 *        that graded it
 * @param override a central admin's tier for the network and fiscal year, if one was set (on the current one only;
 *        left out of the JSON otherwise)
 */
public record Assessment(String runId, String networkId, @Schema(nullable = true) String province, int fiscalYear,
        Tier tier, BigDecimal score, List<CriterionScore> criteria, Instant assessedAt, boolean current,
        // left out rather than null: OpenAPI 3.0 cannot say that a referenced object may be null
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "a central admin's tier beside the computed one; absent when none was set")
        TierOverride override) {

    public Assessment {
        criteria = List.copyOf(criteria);
    }
}
