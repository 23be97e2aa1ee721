package org.apom.recognition.internal.rest;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.Eligibility;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One award weighed for one volunteer.
 *
 * @param awardClass for a graded award, the class a nomination would be for
 * @param reasons why not, each with a code and a sentence; empty when eligible
 */
public record EligibilityJson(String awardCode, LocalizedText name,
        @Schema(nullable = true) String province, boolean eligible, @Schema(nullable = true) String awardClass,
        List<ReasonJson> reasons) {

    /** One reason against. */
    public record ReasonJson(String code, LocalizedText message) {
    }

    static EligibilityJson of(Eligibility e) {
        return new EligibilityJson(e.award().code(), e.award().name(), e.award().province() == null ? null
                : e.award().province().value(), e.eligible(), e.awardClass(), e.reasons().stream()
                .map(r -> new ReasonJson(r.code(), r.text())).toList());
    }
}
