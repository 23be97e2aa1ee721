package org.apom.registry.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.registry.api.Gender;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerStatus;

@Entity
@Table(name = "REGISTRY_VOLUNTEER")
public class VolunteerEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NATIONAL_ID", nullable = false)
    private String nationalId;
    @Column(name = "TITLE", nullable = false)
    private String title;
    @Column(name = "FIRST_NAME", nullable = false)
    private String firstName;
    @Column(name = "LAST_NAME", nullable = false)
    private String lastName;
    @Column(name = "FIRST_NAME_EN")
    private String firstNameEn;
    @Column(name = "LAST_NAME_EN")
    private String lastNameEn;
    @Column(name = "FIRST_KEY", nullable = false)
    private String firstKey;
    @Column(name = "LAST_KEY", nullable = false)
    private String lastKey;
    @Column(name = "FIRST_EN_KEY")
    private String firstEnKey;
    @Column(name = "LAST_EN_KEY")
    private String lastEnKey;
    @Column(name = "BIRTH_DATE", nullable = false)
    private Date birthDate;
    @Column(name = "GENDER", nullable = false)
    private String gender;
    @Column(name = "PHONE")
    private String phone;
    @Column(name = "SUBDISTRICT_CODE", nullable = false)
    private String subdistrictCode;
    @Column(name = "DISTRICT_CODE", nullable = false)
    private String districtCode;
    @Column(name = "PROVINCE_CODE", nullable = false)
    private String provinceCode;
    @Column(name = "ADDRESS")
    private String address;
    @Column(name = "REGISTERED_ON", nullable = false)
    private Date registeredOn;
    @Column(name = "STATUS", nullable = false)
    private String status;
    @Column(name = "STATUS_REASON")
    private String statusReason;
    @Column(name = "STATUS_CHANGED_ON")
    private Date statusChangedOn;
    @Column(name = "LAST_VERIFIED_ON")
    private Date lastVerifiedOn;
    @Column(name = "LAST_VERIFIED_BY")
    private String lastVerifiedBy;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "MERGED_INTO")
    private String mergedInto;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected VolunteerEntity() {
    }

    /** A new, active record; the keys are the forms searches compare on. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public VolunteerEntity(String id, Volunteer v, String firstKey, String lastKey, String firstEnKey,
            String lastEnKey, Instant now) {
        this.id = id;
        this.registeredOn = Date.valueOf(v.registeredOn());
        this.status = VolunteerStatus.ACTIVE.name();
        this.createdAt = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
        update(v, firstKey, lastKey, firstEnKey, lastEnKey);
    }

    public ProvinceCode province() {
        return ProvinceCode.of(provinceCode);
    }

    public VolunteerStatus status() {
        return VolunteerStatus.valueOf(status);
    }

    public void changeStatus(VolunteerStatus next, String reason, LocalDate on) {
        this.status = next.name();
        this.statusReason = reason;
        this.statusChangedOn = Date.valueOf(on);
    }

    /** Takes the fields of a checked record (not its status, verification or registration day). */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public void update(Volunteer v, String firstKey, String lastKey, String firstEnKey, String lastEnKey) {
        this.nationalId = v.nationalId().value();
        this.title = v.title();
        this.firstName = v.firstName();
        this.lastName = v.lastName();
        this.firstNameEn = v.firstNameEn();
        this.lastNameEn = v.lastNameEn();
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.firstEnKey = firstEnKey;
        this.lastEnKey = lastEnKey;
        this.birthDate = Date.valueOf(v.birthDate());
        this.gender = v.gender().name();
        this.phone = v.phone();
        this.subdistrictCode = v.subdistrictCode().value();
        this.districtCode = v.districtCode().value();
        this.provinceCode = v.provinceCode().value();
        this.address = v.address();
    }

    /** Moves the record to a subdistrict of another province (an approved transfer); everything else stays. */
    public void moveTo(String subdistrictCode, String districtCode, String provinceCode) {
        this.subdistrictCode = subdistrictCode;
        this.districtCode = districtCode;
        this.provinceCode = provinceCode;
    }

    public void verified(String by, LocalDate on) {
        this.lastVerifiedBy = by;
        this.lastVerifiedOn = Date.valueOf(on);
    }

    /** Marks this record as a duplicate of the survivor, which holds the person from now on. */
    public void mergeInto(String survivorId) {
        this.mergedInto = survivorId;
    }

    public boolean merged() {
        return mergedInto != null;
    }

    /** Fills what the survivor lacks (phone, address, English names, a later check) from a merged duplicate. */
    public void takeMissingFrom(VolunteerEntity merged) {
        phone = phone != null ? phone : merged.phone;
        address = address != null ? address : merged.address;
        if (firstNameEn == null && lastNameEn == null) {
            firstNameEn = merged.firstNameEn;
            lastNameEn = merged.lastNameEn;
            firstEnKey = merged.firstEnKey;
            lastEnKey = merged.lastEnKey;
        }
        if (merged.lastVerifiedOn != null && (lastVerifiedOn == null || merged.lastVerifiedOn.after(lastVerifiedOn))) {
            lastVerifiedOn = merged.lastVerifiedOn;
            lastVerifiedBy = merged.lastVerifiedBy;
        }
    }

    public long version() {
        return version;
    }

    public String lastKey() {
        return lastKey;
    }

    public String firstKey() {
        return firstKey;
    }

    public String id() {
        return id;
    }

    public Volunteer toDTO() {
        return new Volunteer(id, NationalId.parse(nationalId), title, firstName, lastName, firstNameEn, lastNameEn,
                birthDate.toLocalDate(), Gender.valueOf(gender), phone, SubdistrictCode.of(subdistrictCode),
                DistrictCode.of(districtCode), ProvinceCode.of(provinceCode), address, registeredOn.toLocalDate(),
                VolunteerStatus.valueOf(status), statusReason,
                statusChangedOn == null ? null : statusChangedOn.toLocalDate(),
                lastVerifiedOn == null ? null : lastVerifiedOn.toLocalDate(), lastVerifiedBy, mergedInto, version);
    }
}
