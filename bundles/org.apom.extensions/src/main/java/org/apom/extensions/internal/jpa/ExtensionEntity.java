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

/** An installed extension: the jar it runs and the one before (for a rollback). */
@Entity
@Table(name = "EXT_EXTENSION")
public class ExtensionEntity {

    @Id
    @Column(name = "SYMBOLIC_NAME")
    private String symbolicName;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "CURRENT_VERSION", nullable = false)
    private String currentVersion;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CURRENT_JAR", nullable = false)
    private byte[] currentJar;
    @Column(name = "CURRENT_SHA256", nullable = false)
    private String currentSha256;
    @Column(name = "PREVIOUS_VERSION")
    private String previousVersion;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "PREVIOUS_JAR")
    private byte[] previousJar;
    @Column(name = "PREVIOUS_SHA256")
    private String previousSha256;
    @Column(name = "CHANGED_BY", nullable = false)
    private String changedBy;
    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;
    @Column(name = "LAST_ERROR")
    private String lastError;
    /** Why the current jar was let in (reviewed, signed, development); {@code null} before this was kept. */
    @Column(name = "TRUST")
    private String trust;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ExtensionEntity() {
    }

    /** @param province the province code, or {@code *} for a ministry-wide extension */
    public ExtensionEntity(String symbolicName, String province, String version, byte[] jar, String sha256,
            String by, Instant at) {
        this.symbolicName = symbolicName;
        this.province = province;
        this.currentVersion = version;
        this.currentJar = jar;
        this.currentSha256 = sha256;
        changed(by, at);
    }

    /** A new version: the current one becomes the previous. */
    public void replace(String version, byte[] jar, String sha256, String by, Instant at) {
        previousVersion = currentVersion;
        previousJar = currentJar;
        previousSha256 = currentSha256;
        currentVersion = version;
        currentJar = jar;
        currentSha256 = sha256;
        lastError = null;
        changed(by, at);
    }

    /** Back to the previous version, which becomes current; the current one becomes the previous. */
    public void rollBack(String by, Instant at) {
        String v = previousVersion;
        byte[] j = previousJar;
        String s = previousSha256;
        previousVersion = currentVersion;
        previousJar = currentJar;
        previousSha256 = currentSha256;
        currentVersion = v;
        currentJar = j;
        currentSha256 = s;
        lastError = null;
        changed(by, at);
    }

    public void trusted(String basis) {
        trust = basis;
    }

    public String trust() {
        return trust;
    }

    public String currentSha256() {
        return currentSha256;
    }

    public void failed(String error) {
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }

    private void changed(String by, Instant at) {
        changedBy = by;
        changedAt = Timestamp.from(at);
    }

    public String symbolicName() {
        return symbolicName;
    }

    public String province() {
        return province;
    }

    public String currentVersion() {
        return currentVersion;
    }

    public byte[] currentJar() {
        return currentJar;
    }

    public byte[] previousJar() {
        return previousJar;
    }

    public String previousVersion() {
        return previousVersion;
    }

    public boolean hasPrevious() {
        return previousVersion != null;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    public String lastError() {
        return lastError;
    }
}
