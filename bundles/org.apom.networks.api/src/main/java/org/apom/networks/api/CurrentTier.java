package org.apom.networks.api;

/**
 * What the grading last said of a network: the tier of the latest fiscal year graded, from the run of that year
 * that completed last, kept beside the network so that lists show it and filter by it.
 *
 * @param fiscalYear the Buddhist-era fiscal year graded
 * @param tier {@code A}, {@code B} or {@code C}, as computed
 * @param runId the run that computed it
 * @param override the tier a central admin set for that year, shown beside the computed one; {@code null} when none
 */
public record CurrentTier(int fiscalYear, String tier, String runId, String override) {
}
