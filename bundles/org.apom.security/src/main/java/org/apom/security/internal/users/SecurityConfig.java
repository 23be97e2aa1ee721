package org.apom.security.internal.users;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Login abuse limits, in etc/org.apom.security.cfg. */
@ObjectClassDefinition(name = "Apom security", description = "Login abuse limits")
public @interface SecurityConfig {

    @AttributeDefinition(description = "Failed logins in a row after which an account is locked")
    int maxFailedLogins() default 5;

    @AttributeDefinition(description = "Minutes an account stays locked")
    int lockMinutes() default 15;
}
