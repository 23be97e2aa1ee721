/**
 * The grading of volunteer networks into tiers A, B and C each fiscal year, explained criterion by criterion. Core
 * criteria and provinces' own ({@link TierCriterion}, from extension bundles) score each network's facts; the
 * platform weighs them by the fiscal year's configuration and keeps every run's assessments as they were.
 */
@Export
@Version("1.0.0")
package org.apom.tiering.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
