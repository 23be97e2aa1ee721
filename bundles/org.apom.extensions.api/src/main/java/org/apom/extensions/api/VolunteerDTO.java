package org.apom.extensions.api;

import java.time.LocalDate;

/**
 * One volunteer of the register as an extension sees it. A data transfer object with public fields, as OSGi's
 * own DTOs are, so that the platform can add a field in a minor version without breaking an extension compiled
 * against an older one (a record, or a constructor with every field, could not): fields an extension does not
 * know are simply not read, and fields a newer platform fills are {@code null} on an older one.
 *
 * <p>Codes are strings: {@link #status} is one of {@code ACTIVE}, {@code SUSPENDED}, {@code RESIGNED},
 * {@code DECEASED} and {@link #gender} one of {@code MALE}, {@code FEMALE}, {@code OTHER}; an extension must
 * expect values added later. Read through {@link ProvinceRegister}, personal data (national ID, phone, address,
 * birth date) is masked unless the person whose request the extension serves may see it ({@link #masked}); a
 * {@link RecordCheck} gets it unmasked, since it checks the data itself.
 */
public class VolunteerDTO {

    /** The register's id of the record. */
    public String id;
    /** 13 digits, or masked (only the last 4 digits shown). */
    public String nationalId;
    public String title;
    public String firstName;
    public String lastName;
    public String firstNameEn;
    public String lastNameEn;
    /** {@code null} when masked; {@link #birthYear} is always there. */
    public LocalDate birthDate;
    public Integer birthYear;
    public String gender;
    /** Digits only, or masked (the first two and last four digits). */
    public String phone;
    /** The official area codes: 6, 4 and 2 digits. */
    public String subdistrictCode;
    public String districtCode;
    public String provinceCode;
    /** The address, or {@code xxx} when masked. */
    public String address;
    public LocalDate registeredOn;
    public String status;
    public String statusReason;
    public LocalDate statusChangedOn;
    /**
     * The day an officer last confirmed the record is still current ({@code null}: never).
     *
     * @since 1.1
     */
    public LocalDate lastVerifiedOn;
    /** The record's version, which changes with every change of it. */
    public long version;
    /** Whether personal data is masked for the person the extension serves. */
    public boolean masked;
}
