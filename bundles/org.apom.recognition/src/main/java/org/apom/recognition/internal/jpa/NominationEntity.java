package org.apom.recognition.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.ProvinceCode;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;

/** A nomination; its moves are {@link NominationStepEntity} rows. */
@Entity
@Table(name = "REC_NOMINATION")
public class NominationEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "AWARD_CODE", nullable = false)
    private String awardCode;
    @Column(name = "VOLUNTEER_ID", nullable = false)
    private String volunteerId;
    @Column(name = "PROVINCE", nullable = false)
    private String province;
    @Column(name = "FISCAL_YEAR", nullable = false)
    private int fiscalYear;
    @Column(name = "AWARD_CLASS")
    private String awardClass;
    @Column(name = "JUSTIFICATION", nullable = false)
    private String justification;
    @Column(name = "STATUS", nullable = false)
    private String status;
    @Column(name = "CONFERRED_ON")
    private Date conferredOn;
    @Column(name = "GAZETTE_REF")
    private String gazetteReference;
    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;
    @Column(name = "VERSION", nullable = false)
    private long version;
    @Column(name = "OPEN_KEY")
    private String openKey;

    protected NominationEntity() {
    }

    public NominationEntity(String id, String awardCode, String volunteerId, ProvinceCode province, int fiscalYear,
            String awardClass, String justification, String createdBy, Instant createdAt) {
        this.id = id;
        this.awardCode = awardCode;
        this.volunteerId = volunteerId;
        this.province = province.value();
        this.fiscalYear = fiscalYear;
        this.awardClass = awardClass;
        this.justification = justification;
        this.status = NominationStatus.DRAFT.name();
        this.createdBy = createdBy;
        // to the millisecond, as the list's cursor carries it: a finer time would fall between two cursor values
        this.createdAt = Timestamp.from(createdAt.truncatedTo(ChronoUnit.MILLIS));
        this.updatedAt = this.createdAt;
        this.openKey = openKey(volunteerId, awardCode, fiscalYear);
    }

    /** The key that only one open nomination of the volunteer, award and year may hold. */
    public static String openKey(String volunteerId, String awardCode, int fiscalYear) {
        return volunteerId + "/" + awardCode + "/" + fiscalYear;
    }

    public String id() {
        return id;
    }

    public String awardCode() {
        return awardCode;
    }

    public String volunteerId() {
        return volunteerId;
    }

    public ProvinceCode province() {
        return ProvinceCode.of(province);
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String awardClass() {
        return awardClass;
    }

    public NominationStatus status() {
        return NominationStatus.valueOf(status);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public long version() {
        return version;
    }

    /** Moves to the status; once it is no longer open, the volunteer may be nominated for the award again. */
    public void moveTo(NominationStatus next, Instant at) {
        this.status = next.name();
        this.updatedAt = Timestamp.from(at);
        this.version++;
        if (!next.open()) {
            this.openKey = null;
        }
    }

    public void conferred(LocalDate on, String gazetteReference) {
        this.conferredOn = Date.valueOf(on);
        this.gazetteReference = gazetteReference;
    }

    public LocalDate conferredOn() {
        return conferredOn == null ? null : conferredOn.toLocalDate();
    }

    public String gazetteReference() {
        return gazetteReference;
    }

    public Nomination toNomination(List<NominationStep> history) {
        return new Nomination(id, awardCode, volunteerId, province(), fiscalYear, awardClass, justification, status(),
                conferredOn(), gazetteReference, createdBy, createdAt.toInstant(), version, history);
    }
}
