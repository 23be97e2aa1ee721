package org.apom.networks.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.PastDay;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.FieldError;
import org.apom.networks.api.NetworkLevel;

/**
 * The checks every network, membership, committee and activity field goes through; each adds its error to the list
 * and answers {@code null}, so that one answer names every wrong field.
 */
final class NetworkRules {

    static final int MAX_TEXT = 200;
    static final int MAX_REASON = 500;

    private NetworkRules() {
    }

    /** A name or title: 1 to 200 characters, no control characters; spaces at the ends removed. */
    static String text(String field, String value, List<FieldError> errors) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            errors.add(error(field, "required", "This is required.", "ต้องระบุ"));
            return null;
        }
        // the key a name is compared by may be longer than the name (İ folds to two characters)
        if (t.length() > MAX_TEXT || org.apom.networks.internal.jpa.NetworkEntity.nameKey(t).length() > MAX_TEXT) {
            errors.add(error(field, "too-long", "At most " + MAX_TEXT + " characters.", "ไม่เกิน " + MAX_TEXT + " ตัวอักษร"));
            return null;
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            errors.add(error(field, "control-character", "Control characters (line breaks, tabs) are not allowed.",
                    "ห้ามมีอักขระควบคุม (ขึ้นบรรทัดใหม่ แท็บ)"));
            return null;
        }
        return t;
    }

    /** An optional reason: at most 500 characters, no control characters but line breaks. */
    static String reason(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > MAX_REASON || t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(error(field, "invalid", "At most " + MAX_REASON + " characters, without control characters.",
                    "ไม่เกิน " + MAX_REASON + " ตัวอักษร และไม่มีอักขระควบคุม"));
            return null;
        }
        return t;
    }

    static NetworkLevel level(String value, List<FieldError> errors) {
        try {
            return NetworkLevel.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error("level", value == null || value.isBlank() ? "required" : "unknown",
                    "The level is SUBDISTRICT, DISTRICT, PROVINCE or NATIONAL.",
                    "ระดับต้องเป็น SUBDISTRICT, DISTRICT, PROVINCE หรือ NATIONAL"));
            return null;
        }
    }

    /** The area code that matches the level, and exists; {@code null} for a national network. */
    static String area(NetworkLevel level, String value, AreaDirectory areas, List<FieldError> errors) {
        String code = value == null ? "" : value.strip();
        if (level == NetworkLevel.NATIONAL) {
            if (!code.isEmpty()) {
                errors.add(error("areaCode", "not-allowed", "A national network has no area code.",
                        "เครือข่ายระดับประเทศไม่มีรหัสพื้นที่"));
            }
            return null;
        }
        if (code.isEmpty()) {
            errors.add(error("areaCode", "required", "A " + level.name().toLowerCase(Locale.ROOT)
                    + " network needs the code of its area.", "ต้องระบุรหัสพื้นที่ของเครือข่าย"));
            return null;
        }
        try {
            boolean exists = switch (level) {
                case SUBDISTRICT -> areas.subdistrict(SubdistrictCode.of(code)).isPresent();
                case DISTRICT -> areas.district(DistrictCode.of(code)).isPresent();
                default -> areas.province(ProvinceCode.of(code)).isPresent();
            };
            if (!exists) {
                errors.add(error("areaCode", "unknown-area", "There is no such area: " + code + ".",
                        "ไม่มีพื้นที่รหัส " + code));
                return null;
            }
            return code;
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("areaCode", e));
            return null;
        }
    }

    /** A past day, or {@code whenBlank} when none is given. */
    static LocalDate day(String field, String value, LocalDate today, LocalDate whenBlank, List<FieldError> errors) {
        if (whenBlank != null && (value == null || value.isBlank())) {
            return whenBlank;
        }
        try {
            return PastDay.parse(value, today);
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e));
            return null;
        }
    }

    /** A whole number from 0 to {@code max}; {@code 0} when none is given. */
    static Integer count(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(org.apom.core.api.ThaiDigits.toAscii(value.strip()));
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(error(field, "invalid", "A whole number from 0 to " + max + ".", "ต้องเป็นจำนวนเต็ม 0 ถึง " + max));
        return null;
    }

    /** Hours per participant: more than 0, at most 24, in steps of a quarter hour at most. */
    static BigDecimal hours(String value, List<FieldError> errors) {
        try {
            if (value != null && value.strip().length() > 8) {
                // BigDecimal parses in time that grows with the square of the digits: a cell is never that long
                throw new NumberFormatException("too long");
            }
            BigDecimal h = new BigDecimal(org.apom.core.api.ThaiDigits.toAscii(value == null ? "" : value.strip()));
            if (h.signum() > 0 && h.compareTo(BigDecimal.valueOf(24)) <= 0 && h.scale() <= 2) {
                return h;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(error("hours", value == null || value.isBlank() ? "required" : "invalid",
                "Hours per participant: a number above 0 and at most 24, with at most two decimals (1.5).",
                "จำนวนชั่วโมงต่อคน ต้องมากกว่า 0 ไม่เกิน 24 ทศนิยมไม่เกินสองตำแหน่ง (เช่น 1.5)"));
        return null;
    }

    static FieldError error(String field, String code, String en, String th) {
        return new FieldError(field, code, LocalizedText.of(en, th));
    }
}
