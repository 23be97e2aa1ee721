package org.apom.registry.internal;

import java.time.LocalDate;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.NationalId;
import org.apom.registry.api.Gender;

/** A volunteer's data after every rule passed, in the register's own forms. */
record ValidVolunteer(NationalId nationalId, String title, String firstName, String lastName, String firstNameEn,
        String lastNameEn, LocalDate birthDate, Gender gender, String phone, Subdistrict subdistrict, String address,
        LocalDate registeredOn) {
}
