package org.apom.recognition.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.ProvinceCode;
import org.apom.recognition.api.Honour;

/** An honour a volunteer holds. */
@Entity
@Table(name = "REC_HONOUR")
public class HonourEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "VOLUNTEER_ID", nullable = false)
    private String volunteerId;
    @Column(name = "PROVINCE", nullable = false)
    private String province;
    @Column(name = "AWARD_CODE", nullable = false)
    private String awardCode;
    @Column(name = "AWARD_CLASS")
    private String awardClass;
    @Column(name = "FISCAL_YEAR", nullable = false)
    private int fiscalYear;
    @Column(name = "CONFERRED_ON", nullable = false)
    private Date conferredOn;
    @Column(name = "GAZETTE_REF")
    private String gazetteReference;
    @Column(name = "NOMINATION_ID")
    private String nominationId;
    @Column(name = "RECORDED_BY", nullable = false)
    private String recordedBy;
    @Column(name = "RECORDED_AT", nullable = false)
    private Timestamp recordedAt;
    @Column(name = "HONOUR_KEY", nullable = false)
    private String honourKey;

    protected HonourEntity() {
    }

    public HonourEntity(String id, String volunteerId, ProvinceCode province, String awardCode, String awardClass,
            int fiscalYear, LocalDate conferredOn, String gazetteReference, String nominationId, String recordedBy,
            Instant recordedAt, boolean once) {
        this.id = id;
        this.volunteerId = volunteerId;
        this.province = province.value();
        this.awardCode = awardCode;
        this.awardClass = awardClass;
        this.fiscalYear = fiscalYear;
        this.conferredOn = Date.valueOf(conferredOn);
        this.gazetteReference = gazetteReference;
        this.nominationId = nominationId;
        this.recordedBy = recordedBy;
        this.recordedAt = Timestamp.from(recordedAt);
        // a class is held once, an award received once in a life once, any other award once a year: two conferrals at
        // once of what may be held once cannot both go in
        this.honourKey = volunteerId + "/" + awardCode + (awardClass != null ? "/" + awardClass
                : once ? "" : "/" + fiscalYear);
    }

    public Honour toHonour() {
        return new Honour(id, volunteerId, ProvinceCode.of(province), awardCode, awardClass, fiscalYear,
                conferredOn.toLocalDate(), gazetteReference, nominationId, recordedBy, recordedAt.toInstant());
    }
}
