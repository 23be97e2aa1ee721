package org.apom.security.internal.rest;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.apom.security.api.Caller;
import org.apom.security.api.CallerPrincipal;
import org.apom.security.api.Role;

/** The authenticated caller of one request, as JAX-RS resources see it. */
record CallerContext(Caller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        Caller c = caller;
        return new CallerPrincipal() {
            @Override
            public Caller caller() {
                return c;
            }

            @Override
            public String getName() {
                return c.name();
            }
        };
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roles().stream().map(Role::id).anyMatch(role::equals);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.kind() == Caller.Kind.TOKEN ? "Bearer" : SecurityContext.BASIC_AUTH;
    }
}
