package org.apom.security.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What is needed to create an integrator token: a name, the scopes (action ids such as
 * {@code volunteers:read}), an optional province, and the last day it is valid ({@code 2027-03-31}).
 */
public record NewToken(String name, List<String> scopes,
        @Schema(nullable = true, description = "null for a national token") String province,
        @Schema(description = "the last day it is valid, an ISO date such as 2027-03-31") String expiresOn) {

    public NewToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
