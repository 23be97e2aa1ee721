package org.apom.networks.internal.jpa;

import java.sql.Date;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A volunteer's part in an activity; the network and day are kept with it for the facts of a fiscal year. */
@Entity
@Table(name = "NET_PARTICIPATION")
public class ParticipationEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "ACTIVITY_ID", nullable = false)
    private String activityId;
    @Column(name = "VOLUNTEER_ID", nullable = false)
    private String volunteerId;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "ACTIVITY_DATE", nullable = false)
    private Date date;

    protected ParticipationEntity() {
    }

    public ParticipationEntity(String activityId, String volunteerId, String networkId, LocalDate date) {
        this.id = activityId + "/" + volunteerId;
        this.activityId = activityId;
        this.volunteerId = volunteerId;
        this.networkId = networkId;
        this.date = Date.valueOf(date);
    }

    public String activityId() {
        return activityId;
    }

    public String volunteerId() {
        return volunteerId;
    }
}
