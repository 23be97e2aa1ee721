package org.apom.webhooks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where webhooks may post and how they retry, in etc/org.apom.webhooks.cfg. The hosts, the schedule and the timeout
 * apply at once; pollMillis and senders at the next start of the bundle.
 */
@ObjectClassDefinition(name = "Apom webhooks")
@interface WebhooksConfig {

    String PID = "org.apom.webhooks";

    @AttributeDefinition(description = "The hosts webhooks may post to, comma-separated: a name (hooks.example.go.th), "
            + "*.example.go.th for every name under it, or an IP address. Nothing else is ever reached, whoever "
            + "registers the webhook. Blank: no webhook can be registered or delivered")
    String allowedHosts() default "";

    @AttributeDefinition(description = "Development only: lets webhooks post over plain http to this machine "
            + "(loopback addresses, when their host is allowed too)")
    boolean allowLoopback() default false;

    @AttributeDefinition(description = "The waits between a failed attempt and the next, comma-separated (5s, 5m, "
            + "2h); a message is given up after the last. The default retries for 27 h 35 min")
    String retrySchedule() default "5s,5m,30m,2h,5h,10h,10h";

    @AttributeDefinition(description = "The most webhooks one province may have (and the national ones together): "
            + "each is a stream of requests to its host")
    int maxPerProvince() default 20;

    @AttributeDefinition(description = "How often each node looks for new changes and due attempts, in milliseconds")
    int pollMillis() default 1000;

    @AttributeDefinition(description = "How many deliveries one node sends at once")
    int senders() default 4;

    @AttributeDefinition(description = "How long an attempt waits for the endpoint's answer, in seconds")
    int timeoutSeconds() default 15;
}
