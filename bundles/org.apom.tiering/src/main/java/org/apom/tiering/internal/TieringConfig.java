package org.apom.tiering.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The grading's defaults, in etc/org.apom.tiering.cfg; a fiscal year's own file overrides them ({@link YearConfig}). */
@ObjectClassDefinition(name = "Apom tiering")
public @interface TieringConfig {

    @AttributeDefinition(description = "Lowest total score (0-100) of tier A")
    double thresholdA() default 80;

    @AttributeDefinition(description = "Lowest total score (0-100) of tier B; below it, tier C")
    double thresholdB() default 60;

    @AttributeDefinition(description = "Criteria weights as CODE=weight, comma-separated (e.g. CONTINUITY=25); a "
            + "criterion not named weighs its own default")
    String[] weights() default {};

    @AttributeDefinition(description = "How long one criterion may take for one network (milliseconds) before it is "
            + "recorded as failed for that network")
    int criterionTimeoutMillis() default 2000;
}
