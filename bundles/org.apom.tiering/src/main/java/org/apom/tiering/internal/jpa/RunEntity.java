package org.apom.tiering.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A grading run: its scope and year, how far it has come, and the configuration it grades by (JSON). */
@Entity
@Table(name = "TIER_RUN")
public class RunEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "FISCAL_YEAR", nullable = false)
    private int fiscalYear;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "STATUS", nullable = false)
    private String status;
    @Column(name = "TOTAL", nullable = false)
    private int total;
    @Column(name = "DONE", nullable = false)
    private int done;
    @Column(name = "FAILED_CRITERIA")
    private String failedCriteria;
    @Column(name = "CONFIGURATION", nullable = false)
    private String configuration;
    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;
    @Column(name = "CALLER_ROLES", nullable = false)
    private String callerRoles;
    @Column(name = "CALLER_PROVINCE")
    private String callerProvince;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "FINISHED_AT")
    private Timestamp finishedAt;
    @Column(name = "FAILURE")
    private String failure;
    @Column(name = "ACTIVE_KEY")
    private String activeKey;

    protected RunEntity() {
    }

    public RunEntity(String id, int fiscalYear, String province, String configuration, String createdBy,
            String callerRoles, String callerProvince, Instant createdAt) {
        this.id = id;
        this.fiscalYear = fiscalYear;
        this.province = province;
        this.status = "QUEUED";
        this.activeKey = fiscalYear + "/" + (province == null ? "TH" : province);
        this.configuration = configuration;
        this.createdBy = createdBy;
        this.callerRoles = callerRoles;
        this.callerProvince = callerProvince;
        this.createdAt = Timestamp.from(createdAt);
    }

    public String id() {
        return id;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String province() {
        return province;
    }

    public String status() {
        return status;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public String configuration() {
        return configuration;
    }

    public String createdBy() {
        return createdBy;
    }

    public String callerRoles() {
        return callerRoles;
    }

    public String callerProvince() {
        return callerProvince;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant finishedAt() {
        return finishedAt == null ? null : finishedAt.toInstant();
    }

    public String failure() {
        return failure;
    }

    public List<String> failedCriteria() {
        return failedCriteria == null || failedCriteria.isEmpty() ? List.of()
                : Arrays.asList(failedCriteria.split(","));
    }

    public void running(int total) {
        this.status = "RUNNING";
        this.total = total;
    }

    public void progress(int done, List<String> failedCriteria) {
        this.done = done;
        String joined = String.join(",", failedCriteria);
        this.failedCriteria = joined.length() > 2000 ? joined.substring(0, 2000) : joined;
    }

    public void finish(String failure, Instant at) {
        this.status = failure == null ? "DONE" : "FAILED";
        this.failure = failure == null || failure.length() <= 500 ? failure : failure.substring(0, 500);
        this.finishedAt = Timestamp.from(at);
        this.activeKey = null;
    }
}
