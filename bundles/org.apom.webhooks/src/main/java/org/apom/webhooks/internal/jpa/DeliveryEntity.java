package org.apom.webhooks.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * One message for one webhook: a change of the feed, its body as sent (the same bytes on every attempt, so the
 * receiver's deduplication by {@code webhook-id} works), and where its attempts stand.
 */
@Entity
@Table(name = "HOOK_DELIVERY")
public class DeliveryEntity {

    /** Where a delivery stands. */
    public enum State {
        /** waiting for its next attempt */
        PENDING,
        /** the endpoint answered 2xx */
        DELIVERED,
        /** every attempt of the schedule failed; only a redelivery sends it again */
        FAILED
    }

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "WEBHOOK_ID", nullable = false)
    private String webhookId;
    @Column(name = "FEED_POSITION", nullable = false)
    private long feedPosition;
    @Column(name = "EVENT_TYPE", nullable = false)
    private String eventType;
    @Column(name = "PAYLOAD", nullable = false)
    private String payload;
    @Column(name = "STATE", nullable = false)
    private String state;
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "RETRY_STEP", nullable = false)
    private int retryStep;
    @Column(name = "NEXT_ATTEMPT_AT")
    private Timestamp nextAttemptAt;
    @Column(name = "LEASE_UNTIL")
    private Timestamp leaseUntil;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "LAST_ATTEMPT_AT")
    private Timestamp lastAttemptAt;
    @Column(name = "LAST_STATUS")
    private Integer lastStatus;
    @Column(name = "LAST_ERROR")
    private String lastError;
    @Column(name = "DELIVERED_AT")
    private Timestamp deliveredAt;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected DeliveryEntity() {
    }

    public DeliveryEntity(String id, String webhookId, long feedPosition, String eventType, String payload,
            Instant createdAt) {
        this.id = id;
        this.webhookId = webhookId;
        this.feedPosition = feedPosition;
        this.eventType = eventType;
        this.payload = payload;
        this.state = State.PENDING.name();
        this.createdAt = Timestamp.from(createdAt);
        this.nextAttemptAt = this.createdAt;
    }

    public String id() {
        return id;
    }

    public String webhookId() {
        return webhookId;
    }

    public long feedPosition() {
        return feedPosition;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public State state() {
        return State.valueOf(state);
    }

    public int attempts() {
        return attempts;
    }

    public int retryStep() {
        return retryStep;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt == null ? null : nextAttemptAt.toInstant();
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt == null ? null : lastAttemptAt.toInstant();
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt == null ? null : deliveredAt.toInstant();
    }

    /** Records an attempt's outcome; {@code next} is when to try again, {@code null} when the schedule is done. */
    public void attempted(Instant at, Integer status, String error, boolean delivered, Instant next) {
        attempts++;
        lastAttemptAt = Timestamp.from(at);
        lastStatus = status;
        lastError = error;
        leaseUntil = null;
        if (delivered) {
            state = State.DELIVERED.name();
            deliveredAt = lastAttemptAt;
            nextAttemptAt = null;
        } else if (next == null) {
            state = State.FAILED.name();
            nextAttemptAt = null;
        } else {
            retryStep++;
            nextAttemptAt = Timestamp.from(next);
        }
    }

    /** Sends it again from the start of the schedule, whatever became of it; its id and body stay the same. */
    public void redeliver(Instant at) {
        state = State.PENDING.name();
        retryStep = 0;
        nextAttemptAt = Timestamp.from(at);
        leaseUntil = null;
    }
}
