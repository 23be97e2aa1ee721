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

    @AttributeDefinition(description = "Failed logins a minute per client address; beyond them the address gets "
            + "429 before any password is checked (successful logins are not counted)")
    int failedLoginsPerMinute() default 30;

    @AttributeDefinition(description = "Password (Argon2, 19 MiB each) checks running at once on this node")
    int maxConcurrentPasswordChecks() default 4;

    @AttributeDefinition(description = "Password checks one client address may have running or waiting at once; "
            + "beyond it 429 (so that wrong passwords sent together cannot pass its failed-login budget together)")
    int maxPasswordChecksPerAddress() default 8;

    @AttributeDefinition(description = "Logins that may wait for a free password check at once on this node, from "
            + "all addresses together; beyond it 503 busy at once, so that waiting logins cannot hold every "
            + "request thread")
    int maxWaitingPasswordChecks() default 32;

    @AttributeDefinition(description = "Milliseconds a login waits for a free password check before 503 busy")
    long passwordCheckWaitMillis() default 5000;

    @AttributeDefinition(description = "Accept Basic credentials over plain HTTP from other hosts than this one "
            + "(only for a network where TLS is ended elsewhere and no proxy says so)")
    boolean allowBasicOverHttp() default false;

    @AttributeDefinition(description = "Addresses of reverse proxies whose X-Forwarded-Proto and X-Forwarded-For "
            + "are believed; from anyone else these headers are ignored")
    String[] trustedProxies() default {};
}
