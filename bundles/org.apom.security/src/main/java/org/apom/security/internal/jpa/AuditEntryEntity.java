package org.apom.security.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.security.api.AuditEntry;

/** One audit entry of the chain as stored; never updated or deleted by the platform. */
@Entity
@Table(name = "SECURITY_AUDIT")
public class AuditEntryEntity extends RecordedAudit {

    @Id
    @Column(name = "SEQ")
    private long seq;
    @Column(name = "PREV_HASH", nullable = false)
    private String prevHash;
    @Column(name = "HASH", nullable = false)
    private String hash;
    /** How {@link #hash} was computed: 1 for entries sealed before the hash encoded its fields unambiguously. */
    @Column(name = "HASH_VERSION", nullable = false)
    private int hashVersion;

    protected AuditEntryEntity() {
    }

    public AuditEntryEntity(AuditEntry e, int hashVersion) {
        super(e);
        seq = e.seq();
        prevHash = e.previousHash();
        hash = e.hash();
        this.hashVersion = hashVersion;
    }

    public int hashVersion() {
        return hashVersion;
    }

    public AuditEntry toEntry() {
        return toEntry(seq, prevHash, hash);
    }
}
