package org.apom.tiering.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.tiering.api.Tier;
import org.apom.tiering.api.TierOverride;

/** A central admin's tier for a network and fiscal year; kept, the latest one shown. */
@Entity
@Table(name = "TIER_OVERRIDE")
public class OverrideEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "FISCAL_YEAR", nullable = false)
    private int fiscalYear;
    @Column(name = "TIER", nullable = false)
    private String tier;
    @Column(name = "REASON", nullable = false)
    private String reason;
    @Column(name = "SET_BY", nullable = false)
    private String setBy;
    @Column(name = "SET_AT", nullable = false)
    private Timestamp setAt;

    protected OverrideEntity() {
    }

    public OverrideEntity(String id, String networkId, String province, int fiscalYear, Tier tier, String reason,
            String setBy, Instant setAt) {
        this.id = id;
        this.networkId = networkId;
        this.province = province;
        this.fiscalYear = fiscalYear;
        this.tier = tier.name();
        this.reason = reason;
        this.setBy = setBy;
        this.setAt = Timestamp.from(setAt);
    }

    public String networkId() {
        return networkId;
    }

    public Instant setAt() {
        return setAt.toInstant();
    }

    public TierOverride toOverride() {
        return new TierOverride(Tier.valueOf(tier), reason, setBy, setAt.toInstant());
    }
}
