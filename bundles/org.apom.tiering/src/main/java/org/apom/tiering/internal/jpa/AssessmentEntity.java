package org.apom.tiering.internal.jpa;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.Query;
import javax.persistence.Table;

/** A network's grade in one run, written once and never changed; its criteria's parts are JSON (ScoresJson). */
@Entity
@Table(name = "TIER_ASSESSMENT")
public class AssessmentEntity {

    /** Rows per statement: 900 parameters, well within Derby's and PostgreSQL's limits. */
    private static final int ROWS = 100;

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

    /**
     * Stores assessments a hundred to a statement, in plain SQL: a national run writes 100,000 of them, and the
     * persistence context's bookkeeping for each cost more than the database's writing. They are never changed.
     */
    public static void insert(EntityManager em, List<AssessmentEntity> assessments) {
        for (int from = 0; from < assessments.size(); from += ROWS) {
            List<AssessmentEntity> rows = assessments.subList(from, Math.min(assessments.size(), from + ROWS));
            // a national network has no province: NULL in the statement, as OpenJPA binds a null parameter of native
            // SQL as a type Derby refuses
            Query insert = em.createNativeQuery("INSERT INTO TIER_ASSESSMENT (ID, RUN_ID, NETWORK_ID, PROVINCE, "
                    + "FISCAL_YEAR, TIER, SCORE, CRITERIA, ASSESSED_AT) VALUES " + rows.stream().map(a -> a.province
                            == null ? "(?, ?, ?, NULL, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .collect(Collectors.joining(", ")));
            int p = 1;
            for (AssessmentEntity a : rows) {
                insert.setParameter(p++, a.id).setParameter(p++, a.runId).setParameter(p++, a.networkId);
                if (a.province != null) {
                    insert.setParameter(p++, a.province);
                }
                insert.setParameter(p++, a.fiscalYear).setParameter(p++, a.tier).setParameter(p++, a.score)
                        .setParameter(p++, a.criteria).setParameter(p++, a.assessedAt);
            }
            insert.executeUpdate();
        }
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
