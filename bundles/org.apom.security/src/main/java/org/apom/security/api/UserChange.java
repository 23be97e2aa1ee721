package org.apom.security.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A change to an account (JSON merge patch): {@code null} leaves a field as it is. {@code locked = false}
 * lifts a lockout at once.
 */
public record UserChange(String password, List<String> roles, @Schema(nullable = true) String province,
        Boolean enabled, Boolean locked) {

    public UserChange {
        roles = roles == null ? null : List.copyOf(roles);
    }
}
