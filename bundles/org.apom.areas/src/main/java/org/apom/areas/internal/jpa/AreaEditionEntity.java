package org.apom.areas.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.areas.api.AreaEdition;

@Entity
@Table(name = "AREAS_EDITION")
public class AreaEditionEntity {

    @Id
    @Column(name = "CHECKSUM", length = 64)
    private String checksum;
    @Column(name = "LOADED_AT", nullable = false)
    private Timestamp loadedAt;
    @Column(name = "PROVINCES", nullable = false)
    private int provinces;
    @Column(name = "DISTRICTS", nullable = false)
    private int districts;
    @Column(name = "SUBDISTRICTS", nullable = false)
    private int subdistricts;
    @Column(name = "CHANGED", nullable = false)
    private int changed;

    protected AreaEditionEntity() {
    }

    public AreaEditionEntity(String checksum, Instant loadedAt, int provinces, int districts, int subdistricts,
            int changed) {
        this.checksum = checksum;
        this.loadedAt = Timestamp.from(loadedAt);
        this.provinces = provinces;
        this.districts = districts;
        this.subdistricts = subdistricts;
        this.changed = changed;
    }

    public AreaEdition toDTO() {
        return new AreaEdition(checksum, loadedAt.toInstant(), provinces, districts, subdistricts);
    }
}
