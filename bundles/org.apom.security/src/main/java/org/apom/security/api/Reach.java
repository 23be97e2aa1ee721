package org.apom.security.api;

/** How far a role's permission for an action reaches. */
public enum Reach {
    /** Not at all. */
    NONE,
    /** Records of the caller's own province only (for integrators: the token's province, if it has one). */
    OWN,
    /** Every province. */
    ALL
}
