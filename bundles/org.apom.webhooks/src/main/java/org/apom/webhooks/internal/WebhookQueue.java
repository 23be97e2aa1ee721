package org.apom.webhooks.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.Change;
import org.apom.registry.api.ChangeFeed;
import org.apom.security.api.Caller;
import org.apom.webhooks.internal.jpa.DeliveryEntity;
import org.apom.webhooks.internal.jpa.WebhookEntity;

/**
 * Turns the change feed into messages: each enabled webhook reads the feed from its own position, as the platform
 * scoped to the webhook's province, and queues one message per change of the events it asked for. The messages and
 * the new position commit together, the position moved only from where this round read it (a compare-and-set in
 * SQL, not the webhook's version, so that queueing never makes a person's change of the webhook conflict), so a
 * crash queues nothing twice and loses nothing, and of two nodes that read the same stretch only one commits it.
 */
final class WebhookQueue {

    /** Changes read per webhook and round; a webhook behind catches up over the next rounds. */
    static final int BATCH = 200;

    private final JpaTemplate jpa;
    private final ChangeFeed feed;
    private final Clock clock;

    /** Another node moved the webhook's position first; this round's messages roll back. */
    private static final class LostRace extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LostRace() {
            super(null, null, false, false);
        }
    }

    WebhookQueue(JpaTemplate jpa, ChangeFeed feed, Clock clock) {
        this.jpa = jpa;
        this.feed = feed;
        this.clock = clock;
    }

    /** One round over every enabled webhook behind the feed's end; returns how many messages it queued. */
    int fill() {
        long end = feed.end();
        List<String> behind = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT w.id FROM "
                + "WebhookEntity w WHERE w.enabled = true AND w.feedPosition < :end ORDER BY w.feedPosition",
                String.class).setParameter("end", end).getResultList());
        int queued = 0;
        RuntimeException failed = null;
        for (String id : behind) {
            try {
                queued += fill(id);
            } catch (RuntimeException e) {
                // another node queued this stretch first (or the webhook went meanwhile): the next round goes on.
                // Any other failure is one webhook's: the others are still queued this round, then it is reported
                if (!lostRace(e) && !Conflicts.isConflict(e) && failed == null) {
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return queued;
    }

    /** Whether the failure is {@link LostRace}, however the transaction template wrapped it. */
    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LostRace) {
                return true;
            }
        }
        return false;
    }

    private int fill(String webhookId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            WebhookEntity w = em.find(WebhookEntity.class, webhookId);
            if (w == null || !w.enabled()) {
                return 0;
            }
            ProvinceCode province = w.province() == null ? null : ProvinceCode.of(w.province());
            ChangeFeed.Changes changes = feed.read(Caller.system("webhook:" + w.id()), w.feedPosition(), province,
                    BATCH);
            Set<String> wanted = Set.copyOf(w.eventTypes());
            int queued = 0;
            for (Change change : changes.items()) {
                String type = WebhookEvents.typeOf(change);
                if (wanted.contains(type)) {
                    em.persist(new DeliveryEntity("msg_" + UUID.randomUUID().toString().replace("-", ""), w.id(),
                            change.position(), type, WebhookEvents.payload(change), clock.instant()));
                    queued++;
                }
            }
            if (changes.next() > w.feedPosition() && em.createNativeQuery("UPDATE HOOK_WEBHOOK SET FEED_POSITION = ? "
                    + "WHERE ID = ? AND FEED_POSITION = ?").setParameter(1, changes.next()).setParameter(2, w.id())
                    .setParameter(3, w.feedPosition()).executeUpdate() != 1) {
                // another node queued this stretch first: take nothing back from it
                throw new LostRace();
            }
            return queued;
        });
    }
}
