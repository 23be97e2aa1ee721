package org.apom.security.internal.rest;

import java.security.Principal;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

/** The authenticated caller of one request, as JAX-RS resources see it. */
record CallerContext(String username, Set<String> roles, boolean secure) implements SecurityContext {

    CallerContext {
        roles = Set.copyOf(roles);
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> username;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SecurityContext.BASIC_AUTH;
    }
}
