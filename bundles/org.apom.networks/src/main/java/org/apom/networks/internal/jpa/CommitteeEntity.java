package org.apom.networks.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.networks.api.Committee;
import org.apom.networks.api.CommitteeSeat;

/** One committee of a network for one term; {@code COMMITTEE_NO} is the network's committee version it made. */
@Entity
@Table(name = "NET_COMMITTEE")
public class CommitteeEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "COMMITTEE_NO", nullable = false)
    private long number;
    @Column(name = "TERM_START", nullable = false)
    private Date termStart;
    @Column(name = "TERM_END", nullable = false)
    private Date termEnd;
    @Column(name = "APPOINTED_BY", nullable = false)
    private String appointedBy;
    @Column(name = "APPOINTED_AT", nullable = false)
    private Timestamp appointedAt;
    @Column(name = "REPLACED_AT")
    private Timestamp replacedAt;

    protected CommitteeEntity() {
    }

    public CommitteeEntity(String id, String networkId, long number, LocalDate termStart, LocalDate termEnd,
            String appointedBy, Instant appointedAt) {
        this.id = id;
        this.networkId = networkId;
        this.number = number;
        this.termStart = Date.valueOf(termStart);
        this.termEnd = Date.valueOf(termEnd);
        this.appointedBy = appointedBy;
        this.appointedAt = Timestamp.from(appointedAt);
    }

    public String id() {
        return id;
    }

    public void replaced(Instant at) {
        this.replacedAt = Timestamp.from(at);
    }

    public Committee toCommittee(List<CommitteeSeat> seats) {
        return new Committee(id, networkId, termStart.toLocalDate(), termEnd.toLocalDate(), seats, appointedBy,
                appointedAt.toInstant(), replacedAt == null ? null : replacedAt.toInstant(), number);
    }
}
