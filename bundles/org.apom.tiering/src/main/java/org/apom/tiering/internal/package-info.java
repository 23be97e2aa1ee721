/**
 * The grading of networks: core criteria, the engine that runs every criterion present over every network's facts,
 * the runs and their immutable assessments (TIER_*), overrides, and their REST resources and shell command.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.tiering.internal;

import org.osgi.annotation.bundle.Header;
