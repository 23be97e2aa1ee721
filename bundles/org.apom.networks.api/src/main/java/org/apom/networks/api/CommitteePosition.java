package org.apom.networks.api;

/** A seat on a network's committee; a committee has one chair and at most one of each other officer. */
public enum CommitteePosition {
    CHAIR,
    VICE_CHAIR,
    SECRETARY,
    TREASURER,
    MEMBER
}
