package org.apom.tiering.api;

import org.apom.core.api.LocalizedText;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A criterion in force.
 *
 * @param source {@code core}, or the extension bundle that contributed it
 * @param province the only province it counts for; {@code null} for every province
 * @param weight its weight in the fiscal year asked about
 */
public record CriterionInfo(String code, LocalizedText name, int weight, String source,
        @Schema(nullable = true) String province) {
}
