package org.apom.recognition.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.Registration;

import io.swagger.v3.oas.annotations.media.Schema;

/** A network's registration as an organisation of one kind, with its readiness, as the API shows it. */
public record RegistrationJson(String networkId, @Schema(nullable = true) String province,
        @Schema(allowableValues = {"PUBLIC_BENEFIT", "COMMUNITY_WELFARE"}) String kind, LocalizedText kindName,
        @Schema(allowableValues = {"NOT_STARTED", "PREPARING", "SUBMITTED", "REGISTERED", "REJECTED"}) String status,
        @Schema(nullable = true) String registrationNumber, @Schema(nullable = true) LocalDate registeredOn,
        @Schema(nullable = true) String registeringBody, @Schema(nullable = true) String rejectionReason,
        @Schema(nullable = true) String updatedBy, @Schema(nullable = true) Instant updatedAt, long version,
        ReadinessJson readiness) {

    /** What registration asks that the network lacks; {@code ready} when nothing. */
    public record ReadinessJson(boolean ready, List<EligibilityJson.ReasonJson> missing) {
    }

    static RegistrationJson of(Registration r) {
        return new RegistrationJson(r.networkId(), r.province() == null ? null : r.province().value(),
                r.kind().name(), r.kind().displayName(), r.status().name(), r.registrationNumber(), r.registeredOn(),
                r.registeringBody(), r.rejectionReason(), r.updatedBy(), r.updatedAt(), r.version(),
                new ReadinessJson(r.readiness().ready(), r.readiness().missing().stream()
                        .map(m -> new EligibilityJson.ReasonJson(m.code(), m.text())).toList()));
    }
}
