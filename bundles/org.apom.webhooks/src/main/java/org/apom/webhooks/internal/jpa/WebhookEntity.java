package org.apom.webhooks.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A webhook: where it posts, which events of which province, the secret its deliveries are signed with, how far in
 * the change feed it has come, and how its endpoint fares. The version makes one node at a time move its position,
 * so two nodes never queue the same changes.
 */
@Entity
@Table(name = "HOOK_WEBHOOK")
public class WebhookEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "URL", nullable = false)
    private String url;
    @Column(name = "DESCRIPTION")
    private String description;
    @Column(name = "EVENT_TYPES", nullable = false)
    private String eventTypes;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "SECRET", nullable = false)
    private String secret;
    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;
    @Column(name = "DISABLED_REASON")
    private String disabledReason;
    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "FEED_POSITION", nullable = false)
    private long feedPosition;
    @Column(name = "LAST_SUCCESS_AT")
    private Timestamp lastSuccessAt;
    @Column(name = "FAILING_SINCE")
    private Timestamp failingSince;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected WebhookEntity() {
    }

    public WebhookEntity(String id, String url, String description, List<String> eventTypes, String province,
            String secret, String createdBy, Instant createdAt, long feedPosition) {
        this.id = id;
        this.url = url;
        this.description = description;
        this.eventTypes = String.join(",", eventTypes);
        this.province = province;
        this.secret = secret;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = Timestamp.from(createdAt);
        this.feedPosition = feedPosition;
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public void url(String url) {
        this.url = url;
    }

    public String description() {
        return description;
    }

    public void description(String description) {
        this.description = description;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public void eventTypes(List<String> types) {
        this.eventTypes = String.join(",", types);
    }

    /** {@code null} for a webhook of every province. */
    public String province() {
        return province;
    }

    public String secret() {
        return secret;
    }

    public boolean enabled() {
        return enabled;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public void enable() {
        enabled = true;
        disabledReason = null;
        failingSince = null;
    }

    public void disable(String reason) {
        enabled = false;
        disabledReason = reason;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public long feedPosition() {
        return feedPosition;
    }


    public Instant lastSuccessAt() {
        return lastSuccessAt == null ? null : lastSuccessAt.toInstant();
    }

    public Instant failingSince() {
        return failingSince == null ? null : failingSince.toInstant();
    }

    public void succeeded(Instant at) {
        lastSuccessAt = Timestamp.from(at);
        failingSince = null;
    }

    public void failed(Instant at) {
        if (failingSince == null) {
            failingSince = Timestamp.from(at);
        }
    }
}
