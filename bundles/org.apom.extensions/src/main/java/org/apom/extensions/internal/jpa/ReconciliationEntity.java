package org.apom.extensions.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A disagreement between a node's framework and the extension records, and what the manager did about it: the
 * history the extension list shows, since the bundle it concerned may have no record left to show it by.
 */
@Entity
@Table(name = "EXT_RECONCILIATION")
public class ReconciliationEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "HAPPENED_AT", nullable = false)
    private Timestamp at;
    @Column(name = "SYMBOLIC_NAME", nullable = false)
    private String symbolicName;
    @Column(name = "PROVINCE", nullable = false)
    private String province;
    @Column(name = "DISAGREEMENT", nullable = false)
    private String disagreement;
    @Column(name = "BUNDLE_VERSION")
    private String bundleVersion;
    @Column(name = "RECORD_VERSION")
    private String recordVersion;
    @Column(name = "OUTCOME", nullable = false)
    private String outcome;

    protected ReconciliationEntity() {
    }

    public ReconciliationEntity(String id, Instant at, String symbolicName, String province, String disagreement,
            String bundleVersion, String recordVersion, String outcome) {
        this.id = id;
        this.at = Timestamp.from(at);
        this.symbolicName = symbolicName;
        this.province = province;
        this.disagreement = disagreement;
        this.bundleVersion = bundleVersion;
        this.recordVersion = recordVersion;
        this.outcome = outcome;
    }

    public Instant at() {
        return at.toInstant();
    }

    public String symbolicName() {
        return symbolicName;
    }

    public String province() {
        return province;
    }

    public String disagreement() {
        return disagreement;
    }

    public String bundleVersion() {
        return bundleVersion;
    }

    public String recordVersion() {
        return recordVersion;
    }

    public String outcome() {
        return outcome;
    }
}
