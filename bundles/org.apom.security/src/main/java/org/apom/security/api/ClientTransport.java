package org.apom.security.api;

/**
 * How a web request reached the platform, as the servlet container saw it: the platform decides from it, by its
 * configured trusted proxies, the client's address (for rate limits and lockout) and whether the client's connection
 * was encrypted.
 *
 * @param peer the direct peer's address
 * @param scheme the request's scheme ({@code http} or {@code https})
 * @param forwardedFor the {@code X-Forwarded-For} header, or {@code null}
 * @param forwardedProto the {@code X-Forwarded-Proto} header, or {@code null}
 * @since 1.8
 */
public record ClientTransport(String peer, String scheme, String forwardedFor, String forwardedProto) {
}
