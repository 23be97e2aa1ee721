package org.apom.security.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.security.api.AuditEntry;

/**
 * An audit entry written with the change it describes and not yet numbered and chained. The sequencer turns it
 * into an {@link AuditEntryEntity} and deletes it, in one transaction.
 */
@Entity
@Table(name = "SECURITY_AUDIT_PENDING")
public class PendingAuditEntity extends RecordedAudit {

    @Id
    @Column(name = "ID")
    private String id;

    protected PendingAuditEntity() {
    }

    /** @param draft the entry as recorded; its sequence number and hashes are not stored */
    public PendingAuditEntity(String id, AuditEntry draft) {
        super(draft);
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The entry as it will be numbered: sequence number 0 and no hashes until sealed. */
    public AuditEntry toDraft() {
        return toEntry(0, null, null);
    }
}
