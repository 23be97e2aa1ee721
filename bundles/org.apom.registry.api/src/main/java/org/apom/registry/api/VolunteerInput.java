package org.apom.registry.api;

/**
 * A volunteer's data as people send it (REST or a spreadsheet row): every field as text, so that the
 * register can check each one and say exactly what is wrong. National IDs may have dashes, spaces or Thai
 * digits; dates may be ISO or d/m/yyyy in the Buddhist era; gender and title may be Thai words.
 */
public record VolunteerInput(String nationalId, String title, String firstName, String lastName,
        String firstNameEn, String lastNameEn, String birthDate, String gender, String phone,
        String subdistrictCode, String address, String registeredOn) {
}
