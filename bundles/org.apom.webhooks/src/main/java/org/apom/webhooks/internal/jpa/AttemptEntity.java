package org.apom.webhooks.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One attempt to deliver a message: when, what the endpoint answered (or why there was no answer), how long. */
@Entity
@Table(name = "HOOK_ATTEMPT")
public class AttemptEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "DELIVERY_ID", nullable = false)
    private String deliveryId;
    @Column(name = "ATTEMPTED_AT", nullable = false)
    private Timestamp attemptedAt;
    @Column(name = "STATUS")
    private Integer status;
    @Column(name = "ERROR")
    private String error;
    @Column(name = "MILLIS", nullable = false)
    private int millis;

    protected AttemptEntity() {
    }

    public AttemptEntity(String id, String deliveryId, Instant attemptedAt, Integer status, String error,
            int millis) {
        this.id = id;
        this.deliveryId = deliveryId;
        this.attemptedAt = Timestamp.from(attemptedAt);
        this.status = status;
        this.error = error;
        this.millis = millis;
    }

    public Instant attemptedAt() {
        return attemptedAt.toInstant();
    }

    public Integer status() {
        return status;
    }

    public String error() {
        return error;
    }

    public int millis() {
        return millis;
    }
}
