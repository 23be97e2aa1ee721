package org.apom.core.api;

import java.time.LocalDate;

/**
 * How personal data looks to callers who may not see it (shared/docs/api.md): national ID
 * {@code x-xxxx-xxxx5-63-5}, phone {@code 08x-xxx-4567}, birth date as its year only, address hidden.
 */
public final class Masking {

    /** What a hidden address reads as. */
    public static final String HIDDEN = "xxx";

    private Masking() {
    }

    public static String nationalId(NationalId id) {
        return id == null ? null : id.masked();
    }

    /** The first two and last four digits of a Thai phone number; nothing for anything shorter. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = ThaiDigits.toAscii(phone).replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return HIDDEN;
        }
        return digits.substring(0, 2) + "x-xxx-" + digits.substring(digits.length() - 4);
    }

    /** The year only, for example {@code "1967"}. */
    public static String birthDate(LocalDate birthDate) {
        return birthDate == null ? null : Integer.toString(birthDate.getYear());
    }

    public static String address(String address) {
        return address == null ? null : HIDDEN;
    }
}
