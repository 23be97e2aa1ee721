package org.apom.tiering.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many networks are in each tier, by their current assessments.
 *
 * @param province {@code null} for the whole country (national networks count there only)
 * @param overridden of them, networks a central admin gave another tier (counted by their computed tier)
 */
public record TierCounts(@Schema(nullable = true) String province, int a, int b, int c, int overridden) {
}
