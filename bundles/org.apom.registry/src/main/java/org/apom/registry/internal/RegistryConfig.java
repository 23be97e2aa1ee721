package org.apom.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The register's rules that central IT may set, in etc/org.apom.registry.cfg. */
@ObjectClassDefinition(name = "Apom register")
public @interface RegistryConfig {

    @AttributeDefinition(description = "Minimum age of a volunteer on the day of registration")
    int minimumAge() default 18;

    @AttributeDefinition(description = "National IDs registered in provinces a caller may not read that the caller"
            + " may run into a day (registrations and import rows, dry runs too) before being refused (429)")
    int probesPerDay() default 20;

    @AttributeDefinition(description = "Days after its end that an import's rejected rows (personal data, as sent)"
            + " may be downloaded to fix; then they are cleared, and the report keeps only each row's line and reasons")
    int rejectedRowsDays() default 14;

    @AttributeDefinition(description = "On an empty database, load a demo register of 3,000 volunteers (./apom sets "
            + "it through APOM_DEMO_DATA); never on a production install")
    boolean demoData() default false;
}
