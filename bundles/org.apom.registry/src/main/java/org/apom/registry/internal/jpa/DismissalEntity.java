package org.apom.registry.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A pair of records an officer judged to be two different people: no longer a suspected duplicate. */
@Entity
@Table(name = "REGISTRY_DUPLICATE_DISMISSAL")
public class DismissalEntity {

    @Id
    @Column(name = "PAIR_ID")
    private String pairId;
    @Column(name = "FIRST_ID", nullable = false)
    private String firstId;
    @Column(name = "SECOND_ID", nullable = false)
    private String secondId;
    @Column(name = "DISMISSED_BY", nullable = false)
    private String dismissedBy;
    @Column(name = "DISMISSED_AT", nullable = false)
    private Timestamp dismissedAt;
    @Column(name = "REASON", nullable = false)
    private String reason;

    protected DismissalEntity() {
    }

    /** @param firstId the smaller of the two ids */
    public DismissalEntity(String firstId, String secondId, String dismissedBy, String reason, Instant at) {
        this.pairId = pairId(firstId, secondId);
        this.firstId = firstId;
        this.secondId = secondId;
        this.dismissedBy = dismissedBy;
        this.reason = reason;
        this.dismissedAt = Timestamp.from(at);
    }

    public static String pairId(String firstId, String secondId) {
        return firstId + "/" + secondId;
    }
}
