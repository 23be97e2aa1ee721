package org.apom.networks.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apom.networks.api.Activity;

import io.swagger.v3.oas.annotations.media.Schema;

/** An activity of a network. */
public record ActivityJson(String id, String networkId, LocalDate date,
        @Schema(description = "a code of GET /activity-kinds") String kind, String title,
        @Schema(nullable = true, description = "the volunteer ids of those who took part; in lists null (GET the "
                + "activity for them)") List<String> participants,
        @Schema(description = "how many took part") int participantCount,
        @Schema(description = "people helped") int beneficiaries,
        @Schema(description = "hours each participant gave") BigDecimal hours, String recordedBy, Instant recordedAt) {

    /** One activity, with who took part. */
    static ActivityJson of(Activity a) {
        return new ActivityJson(a.id(), a.networkId(), a.date(), a.kind(), a.title(), a.participants(),
                a.participantCount(), a.beneficiaries(), a.hours(), a.recordedBy(), a.recordedAt());
    }

    /** An activity in a list: how many took part, not who. */
    static ActivityJson listed(Activity a) {
        return new ActivityJson(a.id(), a.networkId(), a.date(), a.kind(), a.title(), null, a.participantCount(),
                a.beneficiaries(), a.hours(), a.recordedBy(), a.recordedAt());
    }
}
