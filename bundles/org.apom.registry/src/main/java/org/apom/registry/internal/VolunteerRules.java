package org.apom.registry.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.PastDay;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.ThaiDigits;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.Gender;
import org.apom.registry.api.VolunteerInput;

/**
 * The rules of a volunteer record, for one record from the API or one row of a spreadsheet alike. Every field
 * is checked and every failure is reported with its field and a stable code.
 */
final class VolunteerRules {

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 500;
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("นาย", "นาย"), Map.entry("นาง", "นาง"), Map.entry("นางสาว", "นางสาว"), Map.entry("น.ส.", "นางสาว"),
            Map.entry("mr", "นาย"), Map.entry("mr.", "นาย"), Map.entry("mrs", "นาง"), Map.entry("mrs.", "นาง"),
            Map.entry("miss", "นางสาว"), Map.entry("ms", "นางสาว"), Map.entry("ms.", "นางสาว"),
            Map.entry("ดร.", "ดร."), Map.entry("dr", "ดร."), Map.entry("dr.", "ดร."),
            Map.entry("ว่าที่ร้อยตรี", "ว่าที่ร้อยตรี"), Map.entry("ว่าที่ ร.ต.", "ว่าที่ร้อยตรี"));
    private static final Map<String, Gender> GENDERS = Map.of("male", Gender.MALE, "m", Gender.MALE, "ชาย", Gender.MALE,
            "female", Gender.FEMALE, "f", Gender.FEMALE, "หญิง", Gender.FEMALE, "other", Gender.OTHER,
            "อื่นๆ", Gender.OTHER, "อื่น ๆ", Gender.OTHER);

    private final Function<SubdistrictCode, Optional<Subdistrict>> subdistricts;
    private final int minimumAge;

    VolunteerRules(Function<SubdistrictCode, Optional<Subdistrict>> subdistricts, int minimumAge) {
        this.subdistricts = subdistricts;
        this.minimumAge = minimumAge;
    }

    /** @throws ProblemException 422 with every field that is wrong */
    ValidVolunteer check(VolunteerInput in, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        NationalId id = nationalId(in.nationalId(), errors);
        String title = title(in.title(), errors);
        String first = thaiName("firstName", in.firstName(), errors);
        String last = thaiName("lastName", in.lastName(), errors);
        String firstEn = latinName("firstNameEn", in.firstNameEn(), errors);
        String lastEn = latinName("lastNameEn", in.lastNameEn(), errors);
        LocalDate registeredOn = in.registeredOn() == null || in.registeredOn().isBlank() ? today
                : date("registeredOn", in.registeredOn(), today, errors);
        LocalDate birth = date("birthDate", in.birthDate(), today, errors);
        if (birth != null && registeredOn != null) {
            adult(birth, registeredOn, errors);
        }
        Gender gender = gender(in.gender(), errors);
        String phone = phone(in.phone(), errors);
        Subdistrict subdistrict = subdistrict(in.subdistrictCode(), errors);
        String address = address(in.address(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ValidVolunteer(id, title, first, last, firstEn, lastEn, birth, gender, phone, subdistrict, address,
                registeredOn);
    }

    private static NationalId nationalId(String text, List<FieldError> errors) {
        try {
            return NationalId.parse(text);
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("nationalId", e));
            return null;
        }
    }

    private static String title(String text, List<FieldError> errors) {
        String t = TextRules.clean(text);
        if (t == null) {
            errors.add(error("title", "required", "A title is required (นาย, นาง, นางสาว, ...).", "ต้องระบุคำนำหน้าชื่อ"));
            return null;
        }
        String title = TITLES.get(t.toLowerCase(Locale.ROOT));
        if (title == null) {
            errors.add(error("title", "unknown", "Unknown title; use นาย, นาง, นางสาว, ดร. or ว่าที่ร้อยตรี.",
                    "ไม่รู้จักคำนำหน้าชื่อนี้ ใช้ นาย นาง นางสาว ดร. หรือ ว่าที่ร้อยตรี"));
        }
        return title;
    }

    private static String thaiName(String field, String text, List<FieldError> errors) {
        String name = TextRules.clean(text);
        if (name == null) {
            errors.add(error(field, "required", "A name in Thai is required.", "ต้องระบุชื่อเป็นภาษาไทย"));
        } else if (TextRules.hasControlCharacters(name)) {
            errors.add(error(field, "control-characters", "The name has invisible control characters.",
                    "ชื่อมีอักขระควบคุมที่มองไม่เห็น"));
        } else if (name.length() > MAX_NAME) {
            errors.add(error(field, "too-long", "A name has at most " + MAX_NAME + " characters.",
                    "ชื่อยาวได้ไม่เกิน " + MAX_NAME + " ตัวอักษร"));
        } else if (!TextRules.isThaiName(name)) {
            errors.add(error(field, "not-thai", "Write this name in Thai letters (the English name has its own field).",
                    "กรุณาเขียนชื่อนี้เป็นอักษรไทย (ชื่อภาษาอังกฤษมีช่องแยก)"));
        } else {
            return name;
        }
        return null;
    }

    private static String latinName(String field, String text, List<FieldError> errors) {
        String name = TextRules.clean(text);
        if (name == null) {
            return null;
        }
        if (name.length() > MAX_NAME || TextRules.hasControlCharacters(name) || !TextRules.isLatinName(name)) {
            errors.add(error(field, "not-latin", "An English name has at most " + MAX_NAME
                    + " Latin letters, spaces, '.', '-' or '''.", "ชื่อภาษาอังกฤษต้องเป็นอักษรละตินไม่เกิน " + MAX_NAME + " ตัว"));
            return null;
        }
        return name;
    }

    /** ISO (2510-03-15 is refused as a Buddhist year) or d/m/yyyy in the Buddhist era. */
    private static LocalDate date(String field, String text, LocalDate today, List<FieldError> errors) {
        try {
            return PastDay.parse(text, today);
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e));
            return null;
        }
    }

    private void adult(LocalDate birth, LocalDate registeredOn, List<FieldError> errors) {
        if (Period.between(birth, registeredOn).getYears() < minimumAge) {
            errors.add(error("birthDate", "under-age", "A volunteer is at least " + minimumAge
                    + " years old on the day of registration.", "อาสาสมัครต้องมีอายุอย่างน้อย " + minimumAge
                    + " ปีในวันที่ขึ้นทะเบียน"));
        }
    }

    private static Gender gender(String text, List<FieldError> errors) {
        String g = TextRules.clean(text);
        Gender gender = g == null ? null : GENDERS.get(g.toLowerCase(Locale.ROOT));
        if (gender == null) {
            errors.add(error("gender", g == null ? "required" : "unknown", "Gender is MALE, FEMALE or OTHER (ชาย, หญิง).",
                    "เพศต้องเป็น MALE, FEMALE หรือ OTHER (ชาย หญิง)"));
        }
        return gender;
    }

    /** A Thai number: 9 digits for a landline (02-07), 10 for a mobile (06, 08, 09); +66 is read as 0. */
    static String phone(String text, List<FieldError> errors) {
        String t = TextRules.clean(text);
        if (t == null) {
            return null;
        }
        String digits = ThaiDigits.toAscii(t).replaceAll("[\\s().-]", "");
        if (digits.startsWith("+66")) {
            digits = "0" + digits.substring(3);
        }
        boolean mobile = digits.matches("0[689]\\d{8}");
        boolean landline = digits.matches("0[2-7]\\d{7}");
        if (!mobile && !landline) {
            errors.add(error("phone", "format", "A Thai phone number: 0812345678 (mobile) or 021234567 (landline).",
                    "หมายเลขโทรศัพท์ไทย เช่น 0812345678 หรือ 021234567"));
            return null;
        }
        return digits;
    }

    private Subdistrict subdistrict(String text, List<FieldError> errors) {
        try {
            SubdistrictCode code = SubdistrictCode.of(text);
            Optional<Subdistrict> found = subdistricts.apply(code);
            if (found.isEmpty()) {
                errors.add(error("subdistrictCode", "unknown", "There is no subdistrict with code " + code + ".",
                        "ไม่มีตำบลรหัส " + code));
            }
            return found.orElse(null);
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("subdistrictCode", e));
            return null;
        }
    }

    private static String address(String text, List<FieldError> errors) {
        String a = TextRules.clean(text);
        if (a != null && (a.length() > MAX_ADDRESS || TextRules.hasControlCharacters(a))) {
            errors.add(error("address", "too-long", "An address has at most " + MAX_ADDRESS
                    + " characters and no control characters.", "ที่อยู่ยาวได้ไม่เกิน " + MAX_ADDRESS + " ตัวอักษร"));
            return null;
        }
        return a;
    }

    private static FieldError error(String field, String code, String en, String th) {
        return new FieldError(field, code, LocalizedText.of(en, th));
    }
}
