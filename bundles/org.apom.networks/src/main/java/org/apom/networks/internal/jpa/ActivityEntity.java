package org.apom.networks.internal.jpa;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.Activity;

/**
 * An activity of a network. The province and the number of participants are kept with it, so that a fiscal year's
 * facts are read from this table and the participations in one pass each, never row by row.
 */
@Entity
@Table(name = "NET_ACTIVITY")
public class ActivityEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "ACTIVITY_DATE", nullable = false)
    private Date date;
    @Column(name = "KIND", nullable = false)
    private String kind;
    @Column(name = "TITLE", nullable = false)
    private String title;
    @Column(name = "TITLE_KEY", nullable = false)
    private String titleKey;
    @Column(name = "BENEFICIARIES", nullable = false)
    private int beneficiaries;
    @Column(name = "HOURS", nullable = false)
    private BigDecimal hours;
    @Column(name = "PARTICIPANT_COUNT", nullable = false)
    private int participantCount;
    @Column(name = "ACTIVITY_MONTH", nullable = false)
    private int activityMonth;
    @Column(name = "PERSON_HOURS", nullable = false)
    private BigDecimal personHours;
    @Column(name = "RECORDED_BY", nullable = false)
    private String recordedBy;
    @Column(name = "RECORDED_AT", nullable = false)
    private Timestamp recordedAt;

    protected ActivityEntity() {
    }

    public ActivityEntity(String id, String networkId, ProvinceCode province, LocalDate date, String kind,
            String title, int beneficiaries, BigDecimal hours, int participantCount, String recordedBy,
            Instant recordedAt) {
        this.id = id;
        this.networkId = networkId;
        this.province = province == null ? null : province.value();
        this.date = Date.valueOf(date);
        this.kind = kind;
        this.title = title;
        this.titleKey = NetworkEntity.nameKey(title);
        this.beneficiaries = beneficiaries;
        this.hours = hours;
        this.participantCount = participantCount;
        this.activityMonth = date.getYear() * 100 + date.getMonthValue();
        this.personHours = hours.multiply(BigDecimal.valueOf(participantCount));
        this.recordedBy = recordedBy;
        this.recordedAt = Timestamp.from(recordedAt);
    }

    public String id() {
        return id;
    }

    public String networkId() {
        return networkId;
    }

    public LocalDate date() {
        return date.toLocalDate();
    }

    public Activity toActivity(List<String> participants) {
        return new Activity(id, networkId, date(), kind, title, participants, participantCount, beneficiaries, hours,
                recordedBy,
                recordedAt.toInstant());
    }
}
