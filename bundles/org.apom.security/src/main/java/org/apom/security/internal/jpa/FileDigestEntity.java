package org.apom.security.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The digest of one of the platform's own files as central IT last accepted it. */
@Entity
@Table(name = "SECURITY_FILE_DIGEST")
public class FileDigestEntity {

    @Id
    @Column(name = "PATH")
    private String path;
    @Column(name = "SHA256", nullable = false)
    private String sha256;
    @Column(name = "ACCEPTED_BY", nullable = false)
    private String acceptedBy;
    @Column(name = "ACCEPTED_AT", nullable = false)
    private Timestamp acceptedAt;

    protected FileDigestEntity() {
    }

    public FileDigestEntity(String path, String sha256, String by, Instant at) {
        this.path = path;
        accept(sha256, by, at);
    }

    public void accept(String digest, String by, Instant at) {
        sha256 = digest;
        acceptedBy = by;
        acceptedAt = Timestamp.from(at);
    }

    /** The same acceptance under another name (the row's key cannot change in place). */
    public FileDigestEntity renamed(String newPath) {
        return new FileDigestEntity(newPath, sha256, acceptedBy, acceptedAt.toInstant());
    }

    public String path() {
        return path;
    }

    public String sha256() {
        return sha256;
    }

    public String acceptedBy() {
        return acceptedBy;
    }

    public Instant acceptedAt() {
        return acceptedAt.toInstant();
    }
}
