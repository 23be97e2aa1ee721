package org.apom.networks.internal.jpa;

import java.sql.Date;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.networks.api.Membership;

/**
 * One stretch of a volunteer's membership of a network. While it lasts, {@code OPEN_VOLUNTEER} holds the volunteer,
 * so a unique key keeps one open membership per network and volunteer; ending it clears that column.
 */
@Entity
@Table(name = "NET_MEMBERSHIP")
public class MembershipEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "VOLUNTEER_ID", nullable = false)
    private String volunteerId;
    @Column(name = "MEMBER_FROM", nullable = false)
    private Date since;
    @Column(name = "MEMBER_UNTIL")
    private Date until;
    @Column(name = "OPEN_VOLUNTEER")
    private String openVolunteer;
    @Column(name = "ADDED_BY", nullable = false)
    private String addedBy;
    @Column(name = "ENDED_BY")
    private String endedBy;
    @Column(name = "END_REASON")
    private String endReason;

    protected MembershipEntity() {
    }

    public MembershipEntity(String id, String networkId, String volunteerId, LocalDate since, String addedBy) {
        this.id = id;
        this.networkId = networkId;
        this.volunteerId = volunteerId;
        this.since = Date.valueOf(since);
        this.openVolunteer = volunteerId;
        this.addedBy = addedBy;
    }

    public String id() {
        return id;
    }

    public LocalDate since() {
        return since.toLocalDate();
    }

    public LocalDate until() {
        return until == null ? null : until.toLocalDate();
    }

    public void end(LocalDate until, String endedBy, String reason) {
        this.until = Date.valueOf(until);
        this.openVolunteer = null;
        this.endedBy = endedBy;
        this.endReason = reason;
    }

    public Membership toMembership() {
        return new Membership(networkId, volunteerId, since(), until(), addedBy, endedBy, endReason);
    }
}
