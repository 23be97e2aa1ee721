package org.apom.extensions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the extension manager, in etc/org.apom.extensions.cfg. */
@ObjectClassDefinition(name = "Apom extensions")
public @interface ExtensionsConfig {

    @AttributeDefinition(description = "Largest extension jar accepted, in KiB")
    int maxJarKiB() default 5 * 1024;
}
