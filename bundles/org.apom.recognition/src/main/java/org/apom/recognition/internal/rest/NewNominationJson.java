package org.apom.recognition.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new nomination as posted.
 *
 * @param fiscalYear the Buddhist-era fiscal year (a number or text)
 * @param awardClass a graded award's class; left out, the volunteer's next
 */
public record NewNominationJson(@Schema(example = "DIREKGUNABHORN") String awardCode, String volunteerId,
        @Schema(example = "2570") Integer fiscalYear, @Schema(nullable = true) String awardClass,
        String justification) {
}
