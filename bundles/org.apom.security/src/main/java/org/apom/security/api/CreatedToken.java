package org.apom.security.api;

/** A new token and its secret, which the platform keeps only as a hash: this is the one time it is seen. */
public record CreatedToken(TokenView token, String secret) {
}
