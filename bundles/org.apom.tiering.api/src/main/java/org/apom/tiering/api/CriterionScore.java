package org.apom.tiering.api;

import java.math.BigDecimal;

import org.apom.core.api.LocalizedText;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One criterion's part in an assessment.
 *
 * @param source {@code core}, or the symbolic name of the extension bundle that contributed the criterion
 * @param value what was measured; {@code null} when the criterion failed
 * @param score 0 to 100; {@code null} when the criterion failed
 * @param explanation why, in Thai and English; for a failed criterion, what went wrong
 * @param failed whether the criterion threw or ran out of time: it is left out of the total
 */
public record CriterionScore(String code, String source, LocalizedText name,
        @Schema(nullable = true) BigDecimal value, @Schema(nullable = true) BigDecimal score, int weight,
        LocalizedText explanation, boolean failed) {
}
