package org.apom.tiering.api;

import java.util.List;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The grading: runs that assess every network in scope, their assessments, the tiers at a glance, and central
 * admins' overrides. Every check is the permission table's ({@code tiering:read}, {@code tiering:run},
 * {@code tiering:override}); starting a run and overriding a tier are audited.
 */
@ProviderType
public interface Tiering {

    /** The criteria in force, with their weights in the fiscal year. */
    List<CriterionInfo> criteria(Caller caller, FiscalYear fiscalYear);

    /**
     * Starts grading every network of the province ({@code null}: the whole country, central callers only) for the
     * fiscal year, in the background.
     *
     * @throws org.apom.core.api.problem.ProblemException 409 {@code run-in-progress} while a run of that scope and
     *         year is queued or running; 422 for a fiscal year that has not begun
     */
    TierRun start(Caller caller, FiscalYear fiscalYear, ProvinceCode province);

    TierRun run(Caller caller, String runId);

    /** The runs of the fiscal year the caller may read, newest first. */
    List<TierRun> runs(Caller caller, FiscalYear fiscalYear);

    /** A network's assessments (of the fiscal year, or every year when {@code null}), the newest first. */
    List<Assessment> assessments(Caller caller, String networkId, FiscalYear fiscalYear);

    /** Networks in each tier by province (one province, or each the caller may read), and the country's total. */
    List<TierCounts> summary(Caller caller, FiscalYear fiscalYear, ProvinceCode province);

    /**
     * A central admin's tier for a network and fiscal year, with the reason; shown beside the computed tier.
     *
     * @throws org.apom.core.api.problem.ProblemException 409 {@code not-assessed} when the network has no assessment
     *         of that year yet
     */
    TierOverride override(Caller caller, String networkId, FiscalYear fiscalYear, Tier tier, String reason);
}
