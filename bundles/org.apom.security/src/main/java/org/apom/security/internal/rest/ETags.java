package org.apom.security.internal.rest;

import javax.ws.rs.core.EntityTag;

import org.apom.core.api.problem.Preconditions;

/** Versions as entity tags, and the If-Match rules of the API: required (428), and current (412). */
final class ETags {

    static final long ANY = Preconditions.ANY;

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header names; {@link #ANY} for {@code *}. */
    static long expectedVersion(String ifMatch) {
        return Preconditions.expectedVersion(ifMatch);
    }
}
