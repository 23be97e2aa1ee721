package org.apom.security.internal.rest;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;

import org.apom.security.api.Caller;
import org.apom.security.api.TokenService;
import org.apom.security.api.UserDirectory;
import org.apom.core.api.ApiApplications;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Every request to the API but the two public ones must carry valid credentials; the caller then travels in
 * the request's SecurityContext as a {@link org.apom.security.api.CallerPrincipal}. People are checked
 * against the platform's own accounts ({@link UserDirectory}: Argon2id, lockout).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.EVERY)
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Every answer names its request, and the audit trail records the same id. */
    static final String REQUEST_ID = "X-Request-Id";
    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** The only resources anyone may read without logging in (shared/docs/api.md). */
    static final Set<String> PUBLIC = Set.of("health", "health/live", "openapi.json");

    private static final String BEARER = "Bearer";

    private final UserDirectory users;
    private final TokenService tokens;
    private final CredentialCache verified;
    private final LoginGuard guard;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AuthenticationFilter(@Reference UserDirectory users, @Reference TokenService tokens,
            @Reference CredentialCache verified, @Reference LoginGuard guard) {
        this.users = users;
        this.tokens = tokens;
        this.verified = verified;
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String given = request.getHeaderString(REQUEST_ID);
        String requestId = given != null && CLIENT_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, requestId);
        boolean core = request.getUriInfo().getBaseUri().getPath().endsWith("/api/v1/");
        // only the core application has public resources; an extension's "health" is not public
        if (core && isPublic(request.getMethod(), request.getUriInfo().getPath())) {
            return;
        }
        String authorization = request.getHeaderString("Authorization");
        if (!core) {
            // an extension's code learns who calls (the security context), never their password or token
            request.getHeaders().remove("Authorization");
        }
        String peer = servletRequest == null ? null : servletRequest.getRemoteAddr();
        TransportPolicy transport = guard.transport();
        // the limits count an IPv6 client by its /64, which one subscriber usually holds whole
        String client = AddressBlock.of(transport.client(peer, request.getHeaderString("X-Forwarded-For")));
        String forwardedProto = request.getHeaderString("X-Forwarded-Proto");
        boolean secure = transport.secure(peer, scheme(request), forwardedProto);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = authorization.substring(BEARER.length()).strip();
            if (secret.isEmpty()) {
                throw BasicCredentials.unauthorized("malformed-authorization", LocalizedText.of(
                        "The Bearer scheme needs the token after it.", "รูปแบบ Bearer ต้องตามด้วยโทเคน"));
            }
            guard.requireMayTry(client);
            request.setSecurityContext(new CallerContext(counted(client, () -> tokens.authenticate(secret))
                    .inRequest(requestId), secure));
            return;
        }
        BasicCredentials credentials = BasicCredentials.parse(authorization);
        try {
            if (!transport.basicAllowed(peer, scheme(request), forwardedProto)) {
                throw new ProblemException(403, "https-required", LocalizedText.of(
                        "A password is accepted only over HTTPS: use https:// (or an API token).",
                        "ระบบรับรหัสผ่านผ่าน HTTPS เท่านั้น กรุณาใช้ https:// (หรือโทเคน API)"), List.of());
            }
            Caller caller = verified.cached(credentials.username(), credentials.password());
            if (caller == null) {
                // an address that failed too often waits, before any Argon2 is spent on it
                guard.requireMayTry(client);
                caller = counted(client, () -> verified.verify(credentials.username(), credentials.password(),
                        () -> guard.checkPassword(client,
                                () -> users.authenticate(credentials.username(), credentials.password(), client))));
            }
            request.setSecurityContext(new CallerContext(caller.inRequest(requestId), secure));
        } finally {
            Arrays.fill(credentials.password(), '\0');
        }
    }

    /** Runs a credential check, counting a refusal against the client's address. */
    private Caller counted(String client, Supplier<Caller> check) {
        try {
            return check.get();
        } catch (ProblemException e) {
            if (e.status() == 401) {
                guard.failed(client);
            }
            throw e;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(REQUEST_ID, id);
        }
    }

    private String scheme(ContainerRequestContext request) {
        return servletRequest != null && servletRequest.isSecure() ? "https"
                : request.getUriInfo().getRequestUri().getScheme();
    }

    static boolean isPublic(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return ("GET".equals(method) || "HEAD".equals(method)) && PUBLIC.contains(p);
    }
}
