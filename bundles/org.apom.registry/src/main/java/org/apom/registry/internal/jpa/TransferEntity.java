package org.apom.registry.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.registry.api.Transfer;
import org.apom.registry.api.TransferStatus;

/** A request to move a volunteer's record to another province; the version stops two decisions at once. */
@Entity
@Table(name = "REGISTRY_TRANSFER")
public class TransferEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "VOLUNTEER_ID", nullable = false)
    private String volunteerId;
    @Column(name = "FROM_PROVINCE", nullable = false)
    private String fromProvince;
    @Column(name = "TO_PROVINCE", nullable = false)
    private String toProvince;
    @Column(name = "SUBDISTRICT_CODE", nullable = false)
    private String subdistrictCode;
    @Column(name = "REASON", nullable = false)
    private String reason;
    @Column(name = "STATUS", nullable = false)
    private String status;
    @Column(name = "REQUESTED_BY", nullable = false)
    private String requestedBy;
    @Column(name = "REQUESTED_AT", nullable = false)
    private Timestamp requestedAt;
    @Column(name = "DECIDED_BY")
    private String decidedBy;
    @Column(name = "DECIDED_AT")
    private Timestamp decidedAt;
    @Column(name = "DECISION_REASON")
    private String decisionReason;
    @Version
    @Column(name = "VERSION")
    private long version;

    protected TransferEntity() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public TransferEntity(String id, String volunteerId, ProvinceCode from, SubdistrictCode to, ProvinceCode toProvince,
            String reason, String requestedBy, Instant at) {
        this.id = id;
        this.volunteerId = volunteerId;
        this.fromProvince = from.value();
        this.toProvince = toProvince.value();
        this.subdistrictCode = to.value();
        this.reason = reason;
        this.status = TransferStatus.REQUESTED.name();
        this.requestedBy = requestedBy;
        this.requestedAt = Timestamp.from(at);
    }

    public void decide(boolean approved, String by, String why, Instant at) {
        this.status = (approved ? TransferStatus.APPROVED : TransferStatus.REJECTED).name();
        this.decidedBy = by;
        this.decisionReason = why;
        this.decidedAt = Timestamp.from(at);
    }

    public TransferStatus status() {
        return TransferStatus.valueOf(status);
    }

    public ProvinceCode fromProvince() {
        return ProvinceCode.of(fromProvince);
    }

    public ProvinceCode toProvince() {
        return ProvinceCode.of(toProvince);
    }

    public String volunteerId() {
        return volunteerId;
    }

    public SubdistrictCode subdistrict() {
        return SubdistrictCode.of(subdistrictCode);
    }

    public Transfer toDTO() {
        return new Transfer(id, volunteerId, fromProvince(), toProvince(), subdistrict(), reason, status(),
                requestedBy, requestedAt.toInstant(), decidedBy, decidedAt == null ? null : decidedAt.toInstant(),
                decisionReason, version);
    }
}
