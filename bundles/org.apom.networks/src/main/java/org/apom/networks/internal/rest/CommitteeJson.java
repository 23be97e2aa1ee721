package org.apom.networks.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apom.networks.api.Committee;

import io.swagger.v3.oas.annotations.media.Schema;

/** A committee and its seats. */
public record CommitteeJson(String id, String networkId, LocalDate termStart, LocalDate termEnd, List<Seat> seats,
        String appointedBy, Instant appointedAt,
        @Schema(nullable = true, description = "when a later committee replaced it; null for the current one")
        Instant replacedAt, @Schema(description = "as in the ETag") long version) {

    /** One seat. */
    public record Seat(String volunteerId,
            @Schema(allowableValues = {"CHAIR", "VICE_CHAIR", "SECRETARY", "TREASURER", "MEMBER"}) String position) {
    }

    static CommitteeJson of(Committee c) {
        return new CommitteeJson(c.id(), c.networkId(), c.termStart(), c.termEnd(), c.seats().stream()
                .map(s -> new Seat(s.volunteerId(), s.position().name())).toList(), c.appointedBy(), c.appointedAt(),
                c.replacedAt(), c.version());
    }
}
