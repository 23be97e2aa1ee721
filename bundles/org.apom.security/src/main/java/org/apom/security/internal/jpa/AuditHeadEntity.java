package org.apom.security.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The end of the audit chain: the last sequence number and hash. */
@Entity
@Table(name = "SECURITY_AUDIT_HEAD")
public class AuditHeadEntity {

    public static final int ID = 1;

    @Id
    @Column(name = "ID")
    private int id;
    @Column(name = "SEQ", nullable = false)
    private long seq;
    @Column(name = "HASH", nullable = false)
    private String hash;

    protected AuditHeadEntity() {
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    public void advance(long newSeq, String newHash) {
        this.seq = newSeq;
        this.hash = newHash;
    }
}
