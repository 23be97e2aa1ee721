package org.apom.security.api;

import java.time.Instant;
import java.util.Set;

import org.apom.core.api.ProvinceCode;

/** A person's account as administrators see it; never carries the password or its hash. */
public record UserView(String username, Set<Role> roles, ProvinceCode province, boolean enabled, boolean locked,
        Instant createdAt, Instant lastLoginAt, long version) {

    public UserView {
        roles = Set.copyOf(roles);
    }
}
