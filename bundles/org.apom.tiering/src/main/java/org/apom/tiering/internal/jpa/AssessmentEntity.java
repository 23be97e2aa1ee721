package org.apom.tiering.internal.jpa;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A network's grade in one run, written once and never changed; its criteria's parts are a JSON list. */
@Entity
@Table(name = "TIER_ASSESSMENT")
public class AssessmentEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "RUN_ID", nullable = false)
    private String runId;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "FISCAL_YEAR", nullable = false)
    private int fiscalYear;
    @Column(name = "TIER", nullable = false)
    private String tier;
    @Column(name = "SCORE", nullable = false)
    private BigDecimal score;
    @Column(name = "CRITERIA", nullable = false)
    private String criteria;
    @Column(name = "ASSESSED_AT", nullable = false)
    private Timestamp assessedAt;

    protected AssessmentEntity() {
    }

    public AssessmentEntity(String runId, String networkId, String province, int fiscalYear, String tier,
            BigDecimal score, String criteria, Instant assessedAt) {
        this.id = runId + "/" + networkId;
        this.runId = runId;
        this.networkId = networkId;
        this.province = province;
        this.fiscalYear = fiscalYear;
        this.tier = tier;
        this.score = score;
        this.criteria = criteria;
        this.assessedAt = Timestamp.from(assessedAt);
    }

    public String runId() {
        return runId;
    }

    public String networkId() {
        return networkId;
    }

    public String province() {
        return province;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String tier() {
        return tier;
    }

    public BigDecimal score() {
        return score;
    }

    public String criteria() {
        return criteria;
    }

    public Instant assessedAt() {
        return assessedAt.toInstant();
    }
}
