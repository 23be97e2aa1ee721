package org.apom.recognition.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The recognition rules and quotas, in etc/org.apom.recognition.cfg, read by {@link AwardRules}.
 */
@ObjectClassDefinition(name = "Apom recognition")
public @interface RecognitionConfig {

    @AttributeDefinition(description = "Fiscal years before the nomination's, each with an activity, that every award "
            + "asks for unless its own award.<CODE>.continuousYears says otherwise (0: not asked)")
    int continuousYears() default AwardRules.DEFAULT_CONTINUOUS_YEARS;

    @AttributeDefinition(description = "Fiscal years between two classes of a graded award (Direkgunabhorn), unless "
            + "award.<CODE>.minYearsBetweenClasses says otherwise")
    int minYearsBetweenClasses() default AwardRules.DEFAULT_YEARS_BETWEEN_CLASSES;

    @AttributeDefinition(description = "How long a province's award program may take to check one person for one "
            + "award (milliseconds) before the award is answered as not checked")
    int programTimeoutMillis() default AwardRules.DEFAULT_PROGRAM_TIMEOUT_MILLIS;

    @AttributeDefinition(description = "One award's own rules as <CODE>.<rule>=<value>, comma-separated: "
            + "continuousYears, minYearsRegistered, minYearsBetweenClasses, requires (codes joined by +), holdOnce")
    String[] rules() default {};

    @AttributeDefinition(description = "Nominations a province may submit for an award in a fiscal year, as "
            + "<CODE>=<n>, <CODE>.<province>=<n>, <CODE>.<year>=<n> or <CODE>.<province>.<year>=<n>, comma-separated; "
            + "the most specific wins, an award not named has no limit")
    String[] quotas() default {};

    @AttributeDefinition(description = "Load demo nominations (this fiscal year's, in every state) once the demo "
            + "networks are in, on a database without nominations")
    boolean demoData() default false;

    @AttributeDefinition(description = "Members a network needs to be ready to register as an organisation")
    int organisationMinMembers() default 10;

    @AttributeDefinition(description = "Fiscal years before this one in which a network needs an activity each to be "
            + "ready to register as an organisation")
    int organisationActiveYears() default 3;

    @AttributeDefinition(description = "Tiers of the network's latest grading that will do for registration as an "
            + "organisation, comma-separated; none: not asked")
    String[] organisationTiers() default {"A", "B"};

    @AttributeDefinition(description = "Committee seats that must be filled (and the committee in term) for "
            + "registration as an organisation, comma-separated; none: not asked")
    String[] organisationPositions() default {"CHAIR", "VICE_CHAIR", "SECRETARY", "TREASURER"};
}
