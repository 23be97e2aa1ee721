package org.apom.security.internal.jpa;

import java.sql.Timestamp;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.apom.security.api.AuditEntry;

/**
 * An audit entry written with the change it describes and not yet numbered and chained. The sequencer turns it
 * into an {@link AuditEntryEntity} and deletes it, in one transaction.
 */
@Entity
@Table(name = "SECURITY_AUDIT_PENDING")
public class PendingAuditEntity {

    @Id
    @Column(name = "ID")
    private String id;
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

    protected PendingAuditEntity() {
    }

    /** @param draft the entry as recorded; its sequence number and hashes are not stored */
    public PendingAuditEntity(String id, AuditEntry draft) {
        this.id = id;
        at = Timestamp.from(draft.at());
        actor = draft.actor();
        actorKind = draft.actorKind();
        roles = draft.roles();
        province = draft.province();
        action = draft.action();
        entity = draft.entity();
        entityId = draft.entityId();
        entityProvince = draft.entityProvince();
        requestId = draft.requestId();
        before = draft.before();
        after = draft.after();
    }

    public String id() {
        return id;
    }

    /** The entry as it will be numbered: sequence number 0 and no hashes until sealed. */
    public AuditEntry toDraft() {
        return new AuditEntry(0, at.toInstant(), actor, actorKind, roles, province, action, entity, entityId,
                entityProvince, requestId, before, after, null, null);
    }
}
