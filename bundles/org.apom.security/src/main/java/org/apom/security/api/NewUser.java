package org.apom.security.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What is needed to create an account; the service validates every field and says what is wrong. */
public record NewUser(String username, String password, List<String> roles,
        @Schema(nullable = true, description = "null for central roles") String province) {

    public NewUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
