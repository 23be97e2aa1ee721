package org.apom.networks.internal.rest;

import java.time.LocalDate;

import org.apom.networks.api.Membership;

import io.swagger.v3.oas.annotations.media.Schema;

/** A membership: who, since and until when (null while it lasts). */
public record MembershipJson(String networkId, String volunteerId, LocalDate since,
        @Schema(nullable = true) LocalDate until, String addedBy, @Schema(nullable = true) String endedBy,
        @Schema(nullable = true) String endReason) {

    static MembershipJson of(Membership m) {
        return new MembershipJson(m.networkId(), m.volunteerId(), m.since(), m.until(), m.addedBy(), m.endedBy(),
                m.endReason());
    }
}
