package org.apom.webhooks.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apom.registry.api.ChangeFeed;
import org.apom.security.api.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs webhooks on this node: one thread queues the messages of new changes every round (pollMillis), and a fixed
 * set of sender threads each claim and send due messages one after another, resting a round only when none is due.
 * Nodes share nothing but the database: the queue's version and the sender's lease keep them from doubling work.
 * Every thread stops on deactivate.
 */
@Component(service = WebhookDispatcher.class, immediate = true)
public final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookQueue queue;
    private final WebhookSender sender;
    private final Duration every;
    private final int claimAmong;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "apom-webhooks"));
    private final ExecutorService senders;
    private volatile String lastFailure;

    @Activate
    public WebhookDispatcher(@Reference(target = "(osgi.unit.name=apom-webhooks)") JpaTemplate jpa,
            @Reference ChangeFeed feed, @Reference AuditTrail audit, @Reference WebhookPolicy policy,
            // its tables exist once the service has migrated them
            @Reference WebhookService schemaReady) {
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.queue = new WebhookQueue(jpa, feed, clock);
        this.sender = new WebhookSender(jpa, policy, audit, http, clock);
        this.every = policy.poll();
        this.claimAmong = 2 * policy.senders();
        this.senders = Executors.newFixedThreadPool(policy.senders(), r -> new Thread(r, "apom-webhook-sender"));
        rounds.scheduleWithFixedDelay(this::queueRound, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        for (int i = 0; i < policy.senders(); i++) {
            senders.execute(this::sendWhileDue);
        }
    }

    @Deactivate
    void deactivate() {
        rounds.shutdownNow();
        senders.shutdownNow();
        try {
            rounds.awaitTermination(10, TimeUnit.SECONDS);
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void queueRound() {
        try {
            queue.fill();
            recovered();
        } catch (RuntimeException e) {
            // an escaped exception would cancel every later round; the next round tries again
            failed(e);
        }
    }

    private void sendWhileDue() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String claimed = sender.claimNext(claimAmong);
                if (claimed == null) {
                    Thread.sleep(every.toMillis());
                } else {
                    sender.send(claimed);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed(e);
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    private void recovered() {
        if (lastFailure != null) {
            LOG.info("webhooks: working again");
            lastFailure = null;
        }
    }

    private void failed(RuntimeException e) {
        String failure = e.toString();
        if (!failure.equals(lastFailure)) {
            LOG.warn("webhooks: a round failed (tried again every round; logged again when the failure changes)", e);
        }
        lastFailure = failure;
    }
}
