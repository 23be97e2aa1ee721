package org.apom.networks.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.networks.api.ActivityKind;

/** A kind of the activity catalogue. */
@Entity
@Table(name = "NET_ACTIVITY_KIND")
public class ActivityKindEntity {

    @Id
    @Column(name = "CODE")
    private String code;
    @Column(name = "NAME_TH", nullable = false)
    private String nameTh;
    @Column(name = "NAME_EN", nullable = false)
    private String nameEn;
    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    protected ActivityKindEntity() {
    }

    public ActivityKindEntity(ActivityKind kind, String createdBy, Instant createdAt) {
        this.code = kind.code();
        this.nameTh = kind.nameTh();
        this.nameEn = kind.nameEn();
        this.createdBy = createdBy;
        this.createdAt = Timestamp.from(createdAt);
    }

    public ActivityKind toKind() {
        return new ActivityKind(code, nameTh, nameEn);
    }
}
