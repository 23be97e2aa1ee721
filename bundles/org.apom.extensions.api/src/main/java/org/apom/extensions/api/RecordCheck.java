package org.apom.extensions.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A province's own data-quality rule over its volunteers ("phone numbers must be mobile numbers"). Register
 * it as an OSGi service from an extension bundle; the platform runs it over the records of the bundle's
 * province only, beside the core checks of {@code GET /data-quality}, and per record. A check must be quick
 * and must not write: a run of a province's checks has one time limit ({@code checkSeconds}), and a check that
 * throws or overruns is reported as failed and stopped while the others finish.
 *
 * <p>Provinces implement this interface: a method added to it later comes as a {@code default} method.
 */
@ConsumerType
public interface RecordCheck {

    /** A stable code for the rule, e.g. {@code mobile-phone}; the run lists its findings under it. */
    String code();

    /** What is wrong with this record by this rule; empty when nothing is. */
    List<Finding> check(VolunteerDTO volunteer);
}
