package org.apom.networks.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.networks.api.CurrentTier;

/**
 * A network's latest grading, in a narrow row of its own beside the network's (one per network, made with it): a
 * national run rewrites 100,000 of them in its last transaction, which on the wide, five-times-indexed network rows
 * cost three times as much; and the grading does not move the network's version, which a client's ETag holds.
 * Made with the network (JpaNetworks); its grading written in SQL by JpaNetworkTiers only.
 */
@Entity
@Table(name = "NET_NETWORK_TIER")
public class NetworkTierEntity {

    @Id
    @Column(name = "NETWORK_ID")
    private String networkId;
    @Column(name = "TIER_YEAR", insertable = false, updatable = false)
    private Integer tierYear;
    @Column(name = "TIER", insertable = false, updatable = false)
    private String tier;
    @Column(name = "TIER_RUN", insertable = false, updatable = false)
    private String tierRun;
    @Column(name = "TIER_OVERRIDE", insertable = false, updatable = false)
    private String tierOverride;

    protected NetworkTierEntity() {
    }

    /** A network's row before its first grading. */
    public NetworkTierEntity(String networkId) {
        this.networkId = networkId;
    }

    public String networkId() {
        return networkId;
    }

    /** The latest grading, or {@code null} before the first. */
    public CurrentTier current() {
        return tierYear == null ? null : new CurrentTier(tierYear, tier, tierRun, tierOverride);
    }
}
