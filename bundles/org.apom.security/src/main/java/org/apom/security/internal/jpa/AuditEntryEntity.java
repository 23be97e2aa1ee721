package org.apom.security.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.apom.security.api.AuditEntry;

/** One audit entry as stored; never updated or deleted by the platform. */
@Entity
@Table(name = "SECURITY_AUDIT")
public class AuditEntryEntity {

    @Id
    @Column(name = "SEQ")
    private long seq;
    @Column(name = "RECORDED_AT", nullable = false)
    private Timestamp at;
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
    @Column(name = "PREV_HASH", nullable = false)
    private String prevHash;
    @Column(name = "HASH", nullable = false)
    private String hash;

    protected AuditEntryEntity() {
    }

    public AuditEntryEntity(AuditEntry e) {
        seq = e.seq();
        at = Timestamp.from(e.at());
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
        prevHash = e.previousHash();
        hash = e.hash();
    }

    public AuditEntry toEntry() {
        Instant when = at.toInstant();
        return new AuditEntry(seq, when, actor, actorKind, roles, province, action, entity, entityId, entityProvince,
                requestId, before, after, prevHash, hash);
    }
}
