package org.apom.security.api;

import java.util.List;

/**
 * What is needed to create an integrator token: a name, the scopes (action ids such as
 * {@code volunteers:read}), an optional province, and the last day it is valid ({@code 2027-03-31}).
 */
public record NewToken(String name, List<String> scopes, String province, String expiresOn) {

    public NewToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
