package org.apom.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central admin's rules for webhooks (etc/org.apom.webhooks.cfg): which hosts they may reach and how they
 * retry. A change applies at once, to registrations and to the very next attempt.
 */
@Component(service = WebhookPolicy.class, configurationPid = WebhooksConfig.PID)
@Designate(ocd = WebhooksConfig.class)
public final class WebhookPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookPolicy.class);
    static final Duration AT_LEAST = Duration.ofHours(24);

    private volatile WebhookTargets targets;
    private volatile RetrySchedule schedule;
    private volatile WebhooksConfig config;

    @Activate
    public WebhookPolicy(WebhooksConfig config) {
        modified(config);
    }

    WebhookPolicy(WebhookTargets targets, RetrySchedule schedule, WebhooksConfig config) {
        this.targets = targets;
        this.schedule = schedule;
        this.config = config;
    }

    @Modified
    void modified(WebhooksConfig config) {
        RetrySchedule parsed = RetrySchedule.parse(config.retrySchedule());
        if (parsed.total().compareTo(AT_LEAST) < 0) {
            LOG.warn("webhooks: retrySchedule {} gives a message up after {}, under the {} an integrator may be away "
                    + "(fine for tests, not for production)", config.retrySchedule(), parsed.total(), AT_LEAST);
        }
        this.targets = new WebhookTargets(config.allowedHosts(), config.allowLoopback(), InetAddress::getAllByName);
        this.schedule = parsed;
        this.config = config;
    }

    /** @see WebhookTargets#check(String) */
    URI check(String url) throws WebhookTargets.Refused {
        return targets.check(url);
    }

    RetrySchedule schedule() {
        return schedule;
    }

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, config.timeoutSeconds()));
    }

    Duration poll() {
        return Duration.ofMillis(Math.max(100, config.pollMillis()));
    }

    int maxPerProvince() {
        return Math.max(1, config.maxPerProvince());
    }

    int senders() {
        return Math.max(1, config.senders());
    }
}
