package org.apom.networks.internal.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.apom.networks.api.Network;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** A network as the API answers it. */
public record NetworkJson(String id, String name,
        @Schema(allowableValues = {"SUBDISTRICT", "DISTRICT", "PROVINCE", "NATIONAL"}) String level,
        @Schema(nullable = true, description = "the subdistrict, district or province code; null for NATIONAL")
        String areaCode,
        @Schema(nullable = true, description = "null for a national network") String province,
        LocalDate foundedOn, @Schema(description = "members today") int memberCount, String createdBy,
        Instant createdAt, @Schema(description = "as in the ETag") long version,
        @Schema(description = "the latest grading; absent until a run has graded the network")
        @JsonInclude(JsonInclude.Include.NON_NULL) CurrentTierJson currentTier) {

    static NetworkJson of(Network n) {
        return new NetworkJson(n.id(), n.name(), n.level().name(), n.areaCode(),
                n.province() == null ? null : n.province().value(), n.foundedOn(), n.memberCount(), n.createdBy(),
                n.createdAt(), n.version(), CurrentTierJson.of(n.currentTier()));
    }
}
