package org.apom.security.internal.rest;

import java.time.Instant;
import java.util.List;

import org.apom.security.api.Role;
import org.apom.security.api.UserView;

import io.swagger.v3.oas.annotations.media.Schema;

/** An account as the API shows it: never the password or its hash. */
public record UserJson(String username, List<String> roles,
        @Schema(nullable = true, description = "null for central roles") String province, boolean enabled,
        boolean locked, Instant createdAt, @Schema(nullable = true) Instant lastLoginAt) {

    static UserJson of(UserView v) {
        return new UserJson(v.username(), v.roles().stream().map(Role::id).sorted().toList(),
                v.province() == null ? null : v.province().value(), v.enabled(), v.locked(), v.createdAt(),
                v.lastLoginAt());
    }
}
