package org.apom.webhooks.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.webhooks.internal.jpa.AttemptEntity;
import org.apom.webhooks.internal.jpa.DeliveryEntity;
import org.apom.webhooks.internal.jpa.WebhookEntity;

/**
 * Sends due messages: claims one by a lease (so of several nodes one sends it, and a node that dies mid-attempt
 * leaves it to another once the lease runs out), posts it signed, and records the attempt. A 2xx answer delivers it;
 * anything else, a refused or unreachable address, or no answer in time, schedules the next attempt, until the
 * schedule ends and the message is FAILED. A webhook whose endpoint has not taken a single message since the
 * failed one was queued is disabled then: it has been failing for the whole schedule (27 h by default). Delivery is
 * at least once: a receiver drops repeats by {@code webhook-id}.
 */
final class WebhookSender {

    static final int MAX_ERROR = 500;

    private final JpaTemplate jpa;
    private final WebhookPolicy policy;
    private final AuditTrail audit;
    private final HttpClient http;
    private final Clock clock;

    WebhookSender(JpaTemplate jpa, WebhookPolicy policy, AuditTrail audit, HttpClient http, Clock clock) {
        this.jpa = jpa;
        this.policy = policy;
        this.audit = audit;
        this.http = http;
        this.clock = clock;
    }

    /** What one attempt posts where, read before the attempt so that no transaction stays open during it. */
    private record Outgoing(String url, String secret, String payload) {
    }

    /**
     * Claims one message that is due now, of an enabled webhook, oldest due first; {@code null} when none is. Of the
     * few oldest it tries them in random order, so that workers on one or many nodes do not all race for the same.
     */
    String claimNext(int among) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> due = new ArrayList<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT d.id "
                + "FROM DeliveryEntity d, WebhookEntity w WHERE d.webhookId = w.id AND w.enabled = true "
                + "AND d.state = 'PENDING' AND d.nextAttemptAt <= :now AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) "
                + "ORDER BY d.nextAttemptAt", String.class).setParameter("now", now)
                .setMaxResults(among).getResultList()));
        Collections.shuffle(due);
        for (String id : due) {
            if (claim(id)) {
                return id;
            }
        }
        return null;
    }

    /**
     * Takes the message for this node until the lease ends; false when another node (or thread) has it. One SQL
     * statement, so the check and the take are one step: OpenJPA would run the same JPQL as an update of the rows
     * a subquery picked, which two claims can both pass (docs/stack.md trap 48).
     */
    boolean claim(String deliveryId) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(policy.timeout()).plusSeconds(30));
        return jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery("UPDATE HOOK_DELIVERY SET "
                + "LEASE_UNTIL = ? WHERE ID = ? AND STATE = ? AND (LEASE_UNTIL IS NULL OR LEASE_UNTIL < ?)")
                .setParameter(1, until).setParameter(2, deliveryId).setParameter(3, DeliveryEntity.State.PENDING.name())
                .setParameter(4, Timestamp.from(now)).executeUpdate()) == 1;
    }

    /** One attempt of a claimed message, recorded whatever happens. */
    void send(String deliveryId) {
        Outgoing found = jpa.txExpr(TransactionType.Supports, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, deliveryId);
            WebhookEntity w = d == null ? null : em.find(WebhookEntity.class, d.webhookId());
            return w == null || !w.enabled() ? null : new Outgoing(w.url(), w.secret(), d.payload());
        });
        if (found == null) {
            return; // its webhook was deleted or disabled meanwhile
        }
        Instant at = clock.instant();
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        CompletableFuture<HttpResponse<Void>> answer = null;
        try {
            URI target = policy.check(found.url());
            String body = found.payload();
            long timestamp = at.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(target).timeout(policy.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Apom-Webhooks/1")
                    .header("webhook-id", deliveryId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatures.sign(found.secret(), deliveryId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            // one deadline for the whole answer: the request's own timeout ends at the headers, and an endpoint
            // that then trickles its body a byte at a time would hold this sender for ever
            answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> response = answer.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
            status = response.statusCode();
            if (status / 100 != 2) {
                error = status / 100 == 3 ? "answered a redirect, which webhooks never follow" : "answered " + status;
            }
        } catch (WebhookTargets.Refused e) {
            error = "refused: " + e.getMessage();
        } catch (TimeoutException e) {
            answer.cancel(true);
            error = "no whole answer within " + policy.timeout().toSeconds() + " s";
        } catch (ExecutionException e) {
            error = e.getCause() instanceof HttpTimeoutException ? "no answer within "
                    + policy.timeout().toSeconds() + " s" : "could not post: " + e.getCause();
        } catch (InterruptedException e) {
            if (answer != null) {
                answer.cancel(true);
            }
            Thread.currentThread().interrupt();
            // the lease runs out and another round (or node) tries again
            return;
        } catch (RuntimeException e) {
            // whatever the client refuses to send (a URL it will not take) is a failed attempt like any other: one
            // left unrecorded would be retried for ever, first in line
            error = "could not post: " + e;
        }
        record(deliveryId, at, status, error, (int) ((System.nanoTime() - start) / 1_000_000));
    }

    private void record(String deliveryId, Instant at, Integer status, String error, int millis) {
        boolean delivered = error == null;
        String why = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        DeliveryEntity exhausted = jpa.txExpr(TransactionType.Required, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, deliveryId);
            if (d == null) {
                return null; // its webhook was deleted meanwhile
            }
            // the webhook's health in SQL of its own, not through its version: parallel attempts must not conflict
            // with each other or with the queue, whose version check is about its position only. A success is
            // written at most once a second while all goes well: every sender writing the one row of its webhook
            // made them wait on its lock, one after another
            if (delivered) {
                em.createNativeQuery("UPDATE HOOK_WEBHOOK SET LAST_SUCCESS_AT = ?, FAILING_SINCE = NULL WHERE ID = ? "
                        + "AND (LAST_SUCCESS_AT IS NULL OR LAST_SUCCESS_AT < ? OR FAILING_SINCE IS NOT NULL)")
                        .setParameter(1, Timestamp.from(at)).setParameter(2, d.webhookId())
                        .setParameter(3, Timestamp.from(at.minusSeconds(1))).executeUpdate();
            } else {
                em.createNativeQuery("UPDATE HOOK_WEBHOOK SET FAILING_SINCE = ? WHERE ID = ? AND FAILING_SINCE IS NULL")
                        .setParameter(1, Timestamp.from(at)).setParameter(2, d.webhookId()).executeUpdate();
            }
            em.persist(new AttemptEntity(UUID.randomUUID().toString(), d.id(), at, status, why, millis));
            Instant next = delivered ? null : policy.schedule().next(d.retryStep(), clock.instant());
            d.attempted(at, status, why, delivered, next);
            return !delivered && next == null ? d : null;
        });
        if (exhausted != null) {
            jpa.tx(TransactionType.Required, em -> disableIfNothingGotThrough(em, exhausted));
        }
    }

    private void disableIfNothingGotThrough(EntityManager em, DeliveryEntity failed) {
        WebhookEntity w = em.find(WebhookEntity.class, failed.webhookId());
        if (w == null) {
            return; // deleted meanwhile
        }
        em.refresh(w);
        if (!w.enabled() || w.lastSuccessAt() != null && !w.lastSuccessAt().isBefore(failed.createdAt())) {
            return;
        }
        String reason = "Nothing got through since " + failed.createdAt() + ": message " + failed.id()
                + " failed every attempt of the schedule (" + failed.lastError() + ").";
        reason = reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
        // only the first of two exhausted messages disables it (and is audited), however they interleave
        int changed = em.createNativeQuery("UPDATE HOOK_WEBHOOK SET ENABLED = ?, DISABLED_REASON = ?, "
                + "VERSION = VERSION + 1 WHERE ID = ? AND ENABLED = ?").setParameter(1, false).setParameter(2, reason)
                .setParameter(3, w.id()).setParameter(4, true).executeUpdate();
        if (changed == 1) {
            audit.record(Caller.system("webhooks"), "webhook.disable", "webhook", w.id(),
                    WebhookService.provinceOf(w), Map.of("enabled", true), Map.of("enabled", false, "reason", reason));
        }
    }
}
