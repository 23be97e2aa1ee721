package org.apom.networks.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.CommitteeSeat;

/** One seat of a committee, in the order it was given. */
@Entity
@Table(name = "NET_COMMITTEE_SEAT")
public class CommitteeSeatEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "COMMITTEE_ID", nullable = false)
    private String committeeId;
    @Column(name = "VOLUNTEER_ID", nullable = false)
    private String volunteerId;
    @Column(name = "SEAT_POSITION", nullable = false)
    private String position;
    @Column(name = "SEAT_ORDER", nullable = false)
    private int seatOrder;

    protected CommitteeSeatEntity() {
    }

    public CommitteeSeatEntity(String committeeId, CommitteeSeat seat, int order) {
        this.id = committeeId + "/" + seat.volunteerId();
        this.committeeId = committeeId;
        this.volunteerId = seat.volunteerId();
        this.position = seat.position().name();
        this.seatOrder = order;
    }

    public String committeeId() {
        return committeeId;
    }

    public CommitteeSeat toSeat() {
        return new CommitteeSeat(volunteerId, CommitteePosition.valueOf(position));
    }
}
