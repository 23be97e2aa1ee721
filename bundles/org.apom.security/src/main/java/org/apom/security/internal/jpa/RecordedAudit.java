package org.apom.security.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Lob;
import javax.persistence.MappedSuperclass;

import org.apom.security.api.AuditEntry;

/** What an audit entry says, the same whether it waits to be sealed or is in the chain. */
@MappedSuperclass
public abstract class RecordedAudit {

    /** For people reading the table; in the writing JVM's time zone, so never read back for the chain. */
    @Column(name = "RECORDED_AT", nullable = false)
    private Timestamp at;
    /** The time itself, in UTC; {@code null} in entries recorded before it was kept. */
    @Column(name = "RECORDED_MS")
    private Long recordedMillis;
    @Column(name = "ACTOR", nullable = false)
    private String actor;
    @Column(name = "ACTOR_KIND", nullable = false)
    private String actorKind;
    @Column(name = "ROLES", nullable = false)
    private String roles;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "ACTION", nullable = false)
    private String action;
    @Column(name = "ENTITY", nullable = false)
    private String entity;
    @Column(name = "ENTITY_ID", nullable = false)
    private String entityId;
    @Column(name = "ENTITY_PROVINCE")
    private String entityProvince;
    @Column(name = "REQUEST_ID")
    private String requestId;
    @Lob
    @Column(name = "BEFORE_JSON")
    private String before;
    @Lob
    @Column(name = "AFTER_JSON")
    private String after;

    protected RecordedAudit() {
    }

    protected RecordedAudit(AuditEntry e) {
        at = Timestamp.from(e.at());
        recordedMillis = e.at().toEpochMilli();
        actor = e.actor();
        actorKind = e.actorKind();
        roles = e.roles();
        province = e.province();
        action = e.action();
        entity = e.entity();
        entityId = e.entityId();
        entityProvince = e.entityProvince();
        requestId = e.requestId();
        before = e.before();
        after = e.after();
    }

    /** When the entry was recorded, in milliseconds since the epoch. */
    public long recordedMillis() {
        return recordedMillis != null ? recordedMillis : at.getTime();
    }

    /** The entry with the given number and hashes. */
    protected AuditEntry toEntry(long seq, String previousHash, String hash) {
        Instant when = recordedMillis != null ? Instant.ofEpochMilli(recordedMillis) : at.toInstant();
        return new AuditEntry(seq, when, actor, actorKind, roles, province, action, entity, entityId,
                entityProvince, requestId, before, after, previousHash, hash);
    }
}
