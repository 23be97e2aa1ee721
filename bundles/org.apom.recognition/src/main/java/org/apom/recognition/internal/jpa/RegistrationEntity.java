package org.apom.recognition.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.ProvinceCode;
import org.apom.recognition.api.OrganisationKind;
import org.apom.recognition.api.Readiness;
import org.apom.recognition.api.Registration;
import org.apom.recognition.api.RegistrationStatus;

/** A network's registration as an organisation of one kind, from its first move on. */
@Entity
@Table(name = "REC_REGISTRATION")
public class RegistrationEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "KIND", nullable = false)
    private String kind;
    @Column(name = "STATUS", nullable = false)
    private String status;
    @Column(name = "REGISTRATION_NO")
    private String registrationNumber;
    @Column(name = "REGISTERED_ON")
    private Date registeredOn;
    @Column(name = "REGISTERING_BODY")
    private String registeringBody;
    @Column(name = "REJECTION_REASON")
    private String rejectionReason;
    @Column(name = "UPDATED_BY", nullable = false)
    private String updatedBy;
    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected RegistrationEntity() {
    }

    public RegistrationEntity(String networkId, ProvinceCode province, OrganisationKind kind) {
        this.id = id(networkId, kind);
        this.networkId = networkId;
        this.province = province == null ? null : province.value();
        this.kind = kind.name();
        this.status = RegistrationStatus.NOT_STARTED.name();
    }

    public static String id(String networkId, OrganisationKind kind) {
        return networkId + "/" + kind.name();
    }

    public String id() {
        return id;
    }

    public OrganisationKind kind() {
        return OrganisationKind.valueOf(kind);
    }

    public RegistrationStatus status() {
        return RegistrationStatus.valueOf(status);
    }

    /** Moves to the status; the details of registration or rejection are those of the move, or none. */
    public void moveTo(RegistrationStatus next, String number, LocalDate on, String body, String reason, String by,
            Instant at) {
        this.status = next.name();
        this.registrationNumber = number;
        this.registeredOn = on == null ? null : Date.valueOf(on);
        this.registeringBody = body;
        this.rejectionReason = reason;
        this.updatedBy = by;
        this.updatedAt = Timestamp.from(at);
        this.version++;
    }

    public Registration toRegistration(Readiness readiness) {
        return new Registration(networkId, province == null ? null : ProvinceCode.of(province), kind(), status(),
                registrationNumber, registeredOn == null ? null : registeredOn.toLocalDate(), registeringBody,
                rejectionReason, updatedBy, updatedAt == null ? null : updatedAt.toInstant(), version, readiness);
    }
}
