package org.apom.tiering.api;

import java.time.Instant;

/** A central admin's tier for a network and fiscal year, shown beside the computed one, never instead of it. */
public record TierOverride(Tier tier, String reason, String by, Instant at) {
}
