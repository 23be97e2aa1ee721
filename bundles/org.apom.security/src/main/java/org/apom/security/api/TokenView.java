package org.apom.security.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.apom.core.api.ProvinceCode;

/** An integrator API token as administrators see it; the secret itself is shown only once, at creation. */
public record TokenView(String id, String name, Set<String> scopes, ProvinceCode province, LocalDate expiresOn,
        String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    public TokenView {
        scopes = Set.copyOf(scopes);
    }
}
