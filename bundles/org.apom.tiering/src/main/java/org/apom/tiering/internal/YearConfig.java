package org.apom.tiering.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One fiscal year's grading, in etc/org.apom.tiering.year-&lt;year&gt;.cfg (a factory configuration): what it names
 * overrides the defaults for runs of that year only; a run keeps what it used.
 */
@ObjectClassDefinition(name = "Apom tiering: one fiscal year")
public @interface YearConfig {

    @AttributeDefinition(description = "The fiscal year (Buddhist era, e.g. 2570) these values are for")
    int fiscalYear();

    @AttributeDefinition(description = "Lowest total score of tier A that year; -1: the default")
    double thresholdA() default -1;

    @AttributeDefinition(description = "Lowest total score of tier B that year; -1: the default")
    double thresholdB() default -1;

    @AttributeDefinition(description = "Criteria weights that year as CODE=weight, comma-separated, over the defaults")
    String[] weights() default {};
}
