package org.apom.security.internal.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Request limits of the API, in etc/org.apom.security.limits.cfg. */
@ObjectClassDefinition(name = "Apom request limits")
@interface LimitsConfig {

    @AttributeDefinition(description = "Requests a minute per caller (person, token, or address when anonymous)")
    int requestsPerMinute() default 1200;

    @AttributeDefinition(description = "Largest request body in bytes; larger ones are refused with 413")
    long maxBodyBytes() default 32L * 1024 * 1024;
}
