package org.apom.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.RowError;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;

/**
 * Checks the rows of one import in file order: the register's rules, the province the rows may go to, and a
 * national ID that an earlier row of the same file already had. Whether an ID is already in the register is
 * asked of the database per chunk ({@link #alreadyRegistered}).
 */
final class ImportRows {

    /** A row that passed, or the errors of a row that did not. */
    record Checked(RegisterCsv.Row row, ValidVolunteer volunteer, List<RowError> errors) {

        boolean passed() {
            return errors.isEmpty();
        }
    }

    private final VolunteerRules rules;
    private final Caller caller;
    private final ProvinceCode only;
    private final LocalDate today;
    /** Line of the first row of the file with each national ID. */
    private final Map<String, Integer> firstLineOfId = new HashMap<>();

    ImportRows(VolunteerRules rules, Caller caller, ProvinceCode only, LocalDate today) {
        this.rules = rules;
        this.caller = caller;
        this.only = only;
        this.today = today;
    }

    /** Remembers the national ID of a row already processed before a restart, without checking it again. */
    void skip(RegisterCsv.Row row) {
        try {
            firstLineOfId.putIfAbsent(NationalId.parse(row.input().nationalId()).value(), row.line());
        } catch (InvalidValueException unreadableId) {
            // a row without a readable ID cannot repeat one
        }
    }

    Checked check(RegisterCsv.Row row) {
        List<RowError> errors = new ArrayList<>();
        ValidVolunteer v = null;
        try {
            v = rules.check(row.input(), today);
        } catch (ProblemException e) {
            for (FieldError f : e.errors()) {
                errors.add(new RowError(row.line(), RegisterCsv.columnOf(f.field()), f.code(), f.message()));
            }
        }
        if (row.extraFields()) {
            errors.add(new RowError(row.line(), null, "too-many-fields", LocalizedText.of(
                    "The row has more fields than the header has columns.",
                    "แถวนี้มีจำนวนช่องมากกว่าคอลัมน์ในแถวหัวตาราง")));
        }
        if (v != null) {
            ProvinceCode province = v.subdistrict().districtCode().province();
            if (only != null && !only.equals(province)) {
                errors.add(new RowError(row.line(), "subdistrict_code", "wrong-province", LocalizedText.of(
                        "This import takes rows of province " + only.value() + " only.",
                        "การนำเข้าครั้งนี้รับเฉพาะจังหวัดรหัส " + only.value())));
            } else if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, province)) {
                errors.add(new RowError(row.line(), "subdistrict_code", "forbidden", LocalizedText.of(
                        "You may register volunteers only in your own province.",
                        "คุณขึ้นทะเบียนอาสาสมัครได้เฉพาะในจังหวัดของคุณ")));
            }
            Integer earlier = firstLineOfId.putIfAbsent(v.nationalId().value(), row.line());
            if (earlier != null) {
                errors.add(duplicate(row.line(), LocalizedText.of(
                        "The same national ID is on line " + earlier + " of this file.",
                        "เลขประจำตัวประชาชนนี้ซ้ำกับบรรทัด " + earlier + " ของแฟ้มนี้")));
            }
        } else {
            skip(row);
        }
        return new Checked(row, errors.isEmpty() ? v : null, errors);
    }

    /** The error of a row whose national ID the register already holds. */
    static RowError alreadyRegistered(RegisterCsv.Row row) {
        return duplicate(row.line(), LocalizedText.of("A volunteer with this national ID is already registered.",
                "มีอาสาสมัครที่ใช้เลขประจำตัวประชาชนนี้ขึ้นทะเบียนแล้ว"));
    }

    /** The ID is registered in a province the caller may not read: which one, and which record, stay unsaid. */
    static RowError registeredElsewhere(RegisterCsv.Row row) {
        return new RowError(row.line(), "national_id", "registered-elsewhere", LocalizedText.of(
                "This national ID is registered in another province; if the person moved, ask for a transfer.",
                "เลขประจำตัวประชาชนนี้ขึ้นทะเบียนไว้ในจังหวัดอื่นแล้ว หากย้ายที่อยู่ กรุณายื่นคำขอโอนย้าย"));
    }

    private static RowError duplicate(int line, LocalizedText message) {
        return new RowError(line, "national_id", "duplicate", message);
    }
}
