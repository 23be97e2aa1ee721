package org.apom.core.api;

/**
 * A Thai 13-digit national ID with a valid check digit, held in its normalised form (13 ASCII digits).
 * {@link #parse(String)} accepts every form people write: with dashes or spaces, and in Thai digits.
 */
public record NationalId(String value) {

    private static final int LENGTH = 13;

    public NationalId {
        value = normalise(value);
    }

    public static NationalId parse(String text) {
        return new NationalId(text);
    }

    public static boolean isValid(String text) {
        try {
            normalise(text);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** The check digit for the first twelve digits: (11 - sum(d[i] * (14 - i)) mod 11) mod 10. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (digits.charAt(i) - '0') * (LENGTH - i);
        }
        return (11 - sum % 11) % 10;
    }

    private static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("required", LocalizedText.of(
                    "A national ID is required.", "ต้องระบุเลขประจำตัวประชาชน"));
        }
        String ascii = ThaiDigits.toAscii(text.strip());
        StringBuilder digits = new StringBuilder(LENGTH);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '\u00A0') {
                throw new InvalidValueException("format", LocalizedText.of(
                        "A national ID may contain only digits, dashes and spaces.",
                        "เลขประจำตัวประชาชนต้องประกอบด้วยตัวเลข ขีด หรือช่องว่างเท่านั้น"));
            }
        }
        if (digits.length() != LENGTH) {
            throw new InvalidValueException("length", LocalizedText.of(
                    "A national ID has 13 digits; this one has " + digits.length() + ".",
                    "เลขประจำตัวประชาชนต้องมี 13 หลัก แต่ที่ระบุมี " + digits.length() + " หลัก"));
        }
        if (checkDigit(digits.toString()) != digits.charAt(LENGTH - 1) - '0') {
            throw new InvalidValueException("checksum", LocalizedText.of(
                    "The national ID's check digit is wrong; please check for a typing mistake.",
                    "หลักตรวจสอบของเลขประจำตัวประชาชนไม่ถูกต้อง กรุณาตรวจสอบการพิมพ์"));
        }
        return digits.toString();
    }

    /** The usual written form, 3-1006-00445-63-5. */
    public String formatted() {
        return value.charAt(0) + "-" + value.substring(1, 5) + "-" + value.substring(5, 10) + "-"
                + value.substring(10, 12) + "-" + value.charAt(12);
    }

    /**
     * The form shown to callers who may not see the ID: x-xxxx-xxxx5-63-5, the last four digits only (more would
     * let a caller who knows a few digits confirm who a record is).
     */
    public String masked() {
        return "x-xxxx-xxxx" + value.charAt(9) + "-" + value.substring(10, 12) + "-" + value.charAt(12);
    }

    /** Masked, so that an ID never reaches a log line by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
