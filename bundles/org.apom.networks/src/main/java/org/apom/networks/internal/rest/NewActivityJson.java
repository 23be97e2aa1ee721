package org.apom.networks.internal.rest;

import java.math.BigDecimal;
import java.util.List;

import org.apom.networks.api.ActivityInput;

import io.swagger.v3.oas.annotations.media.Schema;

/** An activity as an integrator posts it: one activity for all of its participants at once. */
public record NewActivityJson(@Schema(description = "ISO or d/m/yyyy in the Buddhist era", example = "2026-03-15")
        String date, @Schema(description = "a code of GET /activity-kinds", example = "HOME_VISIT") String kind,
        String title, @Schema(description = "volunteer ids, members of the network on that day") List<String> participants,
        @Schema(nullable = true, description = "people helped; 0 when left out") Integer beneficiaries,
        @Schema(description = "hours each participant gave, above 0 and at most 24", example = "2.5") BigDecimal hours) {

    public NewActivityJson {
        participants = participants == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(participants));
    }

    ActivityInput toInput() {
        // a number such as 1e999999999 is read by Jackson at once but would take a gigabyte as plain text: anything
        // beyond the rule's range is passed on as text the rule refuses, never expanded
        boolean sane = hours != null && hours.scale() >= -2 && hours.scale() <= 10
                && hours.abs().compareTo(java.math.BigDecimal.valueOf(1000)) < 0;
        return new ActivityInput(date, kind, title, participants, beneficiaries == null ? null
                : beneficiaries.toString(), hours == null ? null : sane ? hours.toPlainString() : "out-of-range");
    }
}
