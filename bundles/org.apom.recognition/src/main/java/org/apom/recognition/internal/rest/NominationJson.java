package org.apom.recognition.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationStep;

import io.swagger.v3.oas.annotations.media.Schema;

/** A nomination as the API shows it, with every move. */
public record NominationJson(String id, String awardCode, String volunteerId, String province, int fiscalYear,
        @Schema(nullable = true) String awardClass, String justification,
        @Schema(allowableValues = {"DRAFT", "SUBMITTED", "ENDORSED", "APPROVED", "CONFERRED", "REJECTED",
            "WITHDRAWN"}) String status,
        @Schema(nullable = true) LocalDate conferredOn, @Schema(nullable = true) String gazetteReference,
        String createdBy, Instant createdAt, long version, List<StepJson> history) {

    /**
     * One move; the first, the creation, has no action and no {@code from}.
     *
     * @param by who made it
     */
    public record StepJson(@Schema(nullable = true) String action, @Schema(nullable = true) String from,
            String to, String by, Instant at, @Schema(nullable = true) String comment) {

        static StepJson of(NominationStep s) {
            return new StepJson(s.action() == null ? null : s.action().id(), s.from() == null ? null
                    : s.from().name(), s.to().name(), s.by(), s.at(), s.comment());
        }
    }

    static NominationJson of(Nomination n) {
        return new NominationJson(n.id(), n.awardCode(), n.volunteerId(), n.province().value(), n.fiscalYear(),
                n.awardClass(), n.justification(), n.status().name(), n.conferredOn(), n.gazetteReference(),
                n.createdBy(), n.createdAt(), n.version(), n.history().stream().map(StepJson::of).toList());
    }
}
