package org.apom.recognition.internal.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.apom.recognition.api.Honour;

import io.swagger.v3.oas.annotations.media.Schema;

/** An honour a volunteer holds, as the API shows it. */
public record HonourJson(String id, String volunteerId, String province, String awardCode,
        @Schema(nullable = true) String awardClass, int fiscalYear, LocalDate conferredOn,
        @Schema(nullable = true) String gazetteReference, @Schema(nullable = true) String nominationId,
        String recordedBy,
        Instant recordedAt) {

    static HonourJson of(Honour h) {
        return new HonourJson(h.id(), h.volunteerId(), h.province().value(), h.awardCode(), h.awardClass(),
                h.fiscalYear(), h.conferredOn(), h.gazetteReference(), h.nominationId(), h.recordedBy(),
                h.recordedAt());
    }
}
