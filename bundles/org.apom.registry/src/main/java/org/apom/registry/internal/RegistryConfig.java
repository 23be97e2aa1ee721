package org.apom.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The register's rules that central IT may set, in etc/org.apom.registry.cfg. */
@ObjectClassDefinition(name = "Apom register")
public @interface RegistryConfig {

    @AttributeDefinition(description = "Minimum age of a volunteer on the day of registration")
    int minimumAge() default 18;
}
