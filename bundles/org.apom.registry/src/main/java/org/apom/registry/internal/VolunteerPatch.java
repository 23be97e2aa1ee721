package org.apom.registry.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerInput;

/** A JSON merge patch over a record's editable fields, giving the whole record as text to check again. */
final class VolunteerPatch {

    static final Set<String> FIELDS = Set.of("nationalId", "title", "firstName", "lastName", "firstNameEn",
            "lastNameEn", "birthDate", "gender", "phone", "subdistrictCode", "address");

    private VolunteerPatch() {
    }

    /** @throws ProblemException 400 {@code unknown-field} for a field that is not editable here */
    static VolunteerInput apply(Volunteer v, Map<String, String> changes) {
        Set<String> unknown = new TreeSet<>(changes.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-field", LocalizedText.of(
                    "These fields cannot be changed here: " + unknown + " (status has its own resource).",
                    "แก้ไขฟิลด์เหล่านี้ที่นี่ไม่ได้: " + unknown));
        }
        return new VolunteerInput(
                pick(changes, "nationalId", v.nationalId().value()),
                pick(changes, "title", v.title()),
                pick(changes, "firstName", v.firstName()),
                pick(changes, "lastName", v.lastName()),
                pick(changes, "firstNameEn", v.firstNameEn()),
                pick(changes, "lastNameEn", v.lastNameEn()),
                pick(changes, "birthDate", v.birthDate().toString()),
                pick(changes, "gender", v.gender().name()),
                pick(changes, "phone", v.phone()),
                pick(changes, "subdistrictCode", v.subdistrictCode().value()),
                pick(changes, "address", v.address()),
                v.registeredOn().toString());
    }

    private static String pick(Map<String, String> changes, String field, String current) {
        return changes.containsKey(field) ? changes.get(field) : current;
    }
}
