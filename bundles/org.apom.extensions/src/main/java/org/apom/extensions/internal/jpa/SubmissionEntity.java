package org.apom.extensions.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/** A jar a province submitted for review, and what the reviewer decided. */
@Entity
@Table(name = "EXT_SUBMISSION")
public class SubmissionEntity {

    /** Where a submission is in its review. */
    public enum State {
        SUBMITTED, APPROVED, REJECTED, REVOKED
    }

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "SYMBOLIC_NAME", nullable = false)
    private String symbolicName;
    @Column(name = "PROVINCE", nullable = false)
    private String province;
    @Column(name = "BUNDLE_VERSION", nullable = false)
    private String bundleVersion;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "JAR", nullable = false)
    private byte[] jar;
    @Column(name = "SHA256", nullable = false)
    private String sha256;
    @Column(name = "STATE", nullable = false)
    private String state;
    @Column(name = "SUBMITTED_BY", nullable = false)
    private String submittedBy;
    @Column(name = "SUBMITTED_AT", nullable = false)
    private Timestamp submittedAt;
    @Column(name = "REVIEWED_BY")
    private String reviewedBy;
    @Column(name = "REVIEWED_AT")
    private Timestamp reviewedAt;
    @Column(name = "REASON")
    private String reason;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected SubmissionEntity() {
    }

    public SubmissionEntity(String id, String symbolicName, String province, String bundleVersion, byte[] jar,
            String sha256, String by, Instant at) {
        this.id = id;
        this.symbolicName = symbolicName;
        this.province = province;
        this.bundleVersion = bundleVersion;
        this.jar = jar;
        this.sha256 = sha256;
        this.state = State.SUBMITTED.name();
        this.submittedBy = by;
        this.submittedAt = Timestamp.from(at);
    }

    public void decide(State decision, String by, Instant at, String why) {
        state = decision.name();
        reviewedBy = by;
        reviewedAt = Timestamp.from(at);
        reason = why;
    }

    public String id() {
        return id;
    }

    public String symbolicName() {
        return symbolicName;
    }

    public String province() {
        return province;
    }

    public String bundleVersion() {
        return bundleVersion;
    }

    public byte[] jar() {
        return jar;
    }

    public String sha256() {
        return sha256;
    }

    public State state() {
        return State.valueOf(state);
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt.toInstant();
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt == null ? null : reviewedAt.toInstant();
    }

    public String reason() {
        return reason;
    }
}
