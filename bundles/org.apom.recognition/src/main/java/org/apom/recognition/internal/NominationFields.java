package org.apom.recognition.internal;

import java.time.LocalDate;
import java.util.List;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.PastDay;
import org.apom.core.api.problem.FieldError;

/** The checks of the fields callers send with nominations and honours; each wrong field is added to the list. */
final class NominationFields {

    static final int MAX_JUSTIFICATION = 4000;
    static final int MAX_COMMENT = 2000;
    static final int MAX_REFERENCE = 200;

    private NominationFields() {
    }

    /** Text as given, stripped; {@code null} when blank. Control characters other than line breaks and tabs, no. */
    static String text(String field, String value, int max, boolean required, List<FieldError> errors) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                errors.add(error(field, "required", "This field is required.", "ต้องระบุข้อมูลนี้"));
            }
            return null;
        }
        if (t.length() > max) {
            errors.add(error(field, "too-long", "At most " + max + " characters.",
                    "ยาวได้ไม่เกิน " + max + " ตัวอักษร"));
            return null;
        }
        if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(error(field, "control-character", "Control characters are not allowed.",
                    "มีอักขระควบคุมซึ่งไม่อนุญาต"));
            return null;
        }
        return t;
    }

    /** A code of the catalogue's form, e.g. {@code DIREKGUNABHORN}. */
    static String code(String field, String value, boolean required, List<FieldError> errors) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                errors.add(error(field, "required", "This field is required.", "ต้องระบุข้อมูลนี้"));
            }
            return null;
        }
        if (!t.matches(Catalogue.CODE)) {
            errors.add(error(field, "format", "A code is capital letters, digits and underscores, e.g. HONOUR_PIN.",
                    "รหัสประกอบด้วยอักษรภาษาอังกฤษตัวใหญ่ ตัวเลข และ _ เช่น HONOUR_PIN"));
            return null;
        }
        return t;
    }

    static FiscalYear fiscalYear(String field, String value, List<FieldError> errors) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            errors.add(error(field, "required", "The Buddhist-era fiscal year is required, e.g. 2569.",
                    "ต้องระบุปีงบประมาณ (พ.ศ.) เช่น 2569"));
            return null;
        }
        try {
            return FiscalYear.of(Integer.parseInt(org.apom.core.api.ThaiDigits.toAscii(t)));
        } catch (NumberFormatException e) {
            errors.add(error(field, "format", "A fiscal year is a Buddhist-era year, e.g. 2569.",
                    "ปีงบประมาณเป็นปี พ.ศ. เช่น 2569"));
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e));
        }
        return null;
    }

    /** A day that has happened, ISO or d/m/yyyy in the Buddhist era; {@code whenBlank} when left out. */
    static LocalDate day(String field, String value, LocalDate today, LocalDate whenBlank, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (whenBlank == null) {
                errors.add(error(field, "required", "A date is required.", "ต้องระบุวันที่"));
            }
            return whenBlank;
        }
        try {
            return PastDay.parse(value, today);
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e));
            return null;
        }
    }

    static FieldError error(String field, String code, String en, String th) {
        return new FieldError(field, code, LocalizedText.of(en, th));
    }
}
