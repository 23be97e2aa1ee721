package org.apom.networks.api;

import java.util.Map;

import org.apom.core.api.FiscalYear;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the grading leaves each network's {@link CurrentTier}. Called by the tiering bundle inside its own
 * transaction, so that a run is complete and current together or not at all. Not offered to extension bundles.
 */
@ProviderType
public interface NetworkTiers {

    /**
     * Records a completed run's tiers. A network already graded for a later fiscal year keeps that grade; one graded
     * for the same year takes the new run's tier and keeps that year's override.
     *
     * @param tiers network id to {@code A}, {@code B} or {@code C}
     */
    void recordRun(String runId, FiscalYear year, Map<String, String> tiers);

    /** Records an override of the network's tier for that year, if that year is the one its current tier is of. */
    void recordOverride(String networkId, FiscalYear year, String tier);
}
