package org.apom.security.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apom.security.api.TokenView;

import io.swagger.v3.oas.annotations.media.Schema;

/** An integrator token as the API shows it; {@code secret} is present only in the answer that created it. */
public record TokenJson(String id, String name, List<String> scopes,
        @Schema(nullable = true, description = "null for a national token") String province,
        @Schema(nullable = true) LocalDate expiresOn, String createdBy, Instant createdAt,
        @Schema(nullable = true) Instant revokedAt, @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true, description = "the secret, in the answer that created the token only") String secret) {

    static TokenJson of(TokenView t, String secret) {
        return new TokenJson(t.id(), t.name(), t.scopes().stream().sorted().toList(),
                t.province() == null ? null : t.province().value(), t.expiresOn(), t.createdBy(), t.createdAt(),
                t.revokedAt(), t.lastUsedAt(), secret);
    }
}
