package org.apom.tiering.api;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One criterion of the grading, registered as a service: the platform's core criteria, and a province's own from an
 * extension bundle, which counts for that province's networks only (the platform knows the province from where the
 * bundle was installed, never from the criterion). The engine picks criteria up and lets them go as they come and
 * leave; each run uses those present when it starts.
 * <p>
 * A criterion is called for many networks, from a worker thread, with a time limit: it must not keep state between
 * calls, and one that throws or runs too long is recorded as failed for that network, the run going on.
 */
@ConsumerType
public interface TierCriterion {

    /** A stable code, capital letters, digits and underscores ({@code ACTIVE_MEMBERS}, {@code P50_ELDERLY_REACH}). */
    String code();

    /** The criterion's name in Thai and English, as officers read it. */
    LocalizedText name();

    /**
     * The weight it carries when the fiscal year's configuration gives it none (central IT may set another per
     * fiscal year); 0 counts it for the explanation only.
     */
    int weight();

    /** How the network fares on this criterion in the fiscal year, with why. */
    CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts);
}
