package org.apom.security.internal.sessions;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The workspace's sessions, in etc/org.apom.security.sessions.cfg. */
@ObjectClassDefinition(name = "Apom workspace sessions", description = "How long a signed-in workspace session lasts")
public @interface SessionsConfig {

    @AttributeDefinition(description = "Minutes without a page after which a workspace session ends")
    int idleMinutes() default 30;

    @AttributeDefinition(description = "Hours after sign-in after which a workspace session ends, however active")
    int longestHours() default 12;
}
