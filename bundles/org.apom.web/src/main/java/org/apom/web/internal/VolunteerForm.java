package org.apom.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apom.registry.api.Volunteer;

/**
 * The fields of a record an officer may edit, as the form holds them: text, one per field of the registry's
 * {@code VolunteerInput}. Personal data (national ID, birth date, phone, address) is in the form only for those who
 * may read it unmasked: nobody edits what the page may not show them.
 */
final class VolunteerForm {

    /** One editable field: its name (the registry's), whether the register needs it, and how it is typed. */
    record Field(String name, boolean required, boolean personal, String type, String inputMode,
            String autocomplete) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("title", false, false, "text", "", "honorific-prefix"),
            new Field("firstName", true, false, "text", "", "given-name"),
            new Field("lastName", true, false, "text", "", "family-name"),
            new Field("firstNameEn", false, false, "text", "", "off"),
            new Field("lastNameEn", false, false, "text", "", "off"),
            new Field("gender", true, false, "select", "", "sex"),
            new Field("birthDate", true, true, "date", "", "bday"),
            new Field("nationalId", true, true, "text", "numeric", "off"),
            new Field("phone", false, true, "tel", "tel", "tel"),
            new Field("address", false, true, "text", "", "street-address"),
            new Field("subdistrictCode", true, false, "text", "numeric", "off"));

    /** Longer input than any field takes is refused before the registry sees it. */
    static final int MAX_LENGTH = 500;

    private VolunteerForm() {
    }

    /** The fields this person may edit. */
    static List<Field> fields(boolean unmasked) {
        return FIELDS.stream().filter(f -> unmasked || !f.personal()).toList();
    }

    /** The record's values as the form shows them ("" for none). */
    static Map<String, String> values(Volunteer v) {
        Map<String, String> values = new HashMap<>();
        values.put("title", text(v.title()));
        values.put("firstName", v.firstName());
        values.put("lastName", v.lastName());
        values.put("firstNameEn", text(v.firstNameEn()));
        values.put("lastNameEn", text(v.lastNameEn()));
        values.put("gender", v.gender().name());
        values.put("birthDate", v.birthDate().toString());
        values.put("nationalId", v.nationalId().value());
        values.put("phone", text(v.phone()));
        values.put("address", text(v.address()));
        values.put("subdistrictCode", v.subdistrictCode().value());
        return values;
    }

    /**
     * What the form sent for each field, under {@code prefix} ("" for the values, "was." for what was read); a field
     * the form did not send at all keeps {@code stored}: only an emptied field clears one, never a missing one.
     */
    static Map<String, String> submitted(Visit visit, List<Field> fields, String prefix, Map<String, String> stored) {
        Map<String, String> values = new HashMap<>();
        for (Field f : fields) {
            String value = visit.request().getParameter(prefix + f.name());
            values.put(f.name(), value == null ? stored.get(f.name()) : value.strip());
        }
        return values;
    }

    /**
     * The registry's merge patch from {@code from} to {@code to}: only the fields that differ, an emptied optional
     * field as {@code null} (cleared).
     */
    static Map<String, String> changes(List<Field> fields, Map<String, String> from, Map<String, String> to) {
        Map<String, String> changes = new HashMap<>();
        for (Field f : fields) {
            String value = to.get(f.name());
            if (!Objects.equals(from.get(f.name()), value)) {
                changes.put(f.name(), value.isEmpty() ? null : value);
            }
        }
        return changes;
    }

    /** The fields whose value is longer than any field takes. */
    static List<String> tooLong(Map<String, String> values) {
        List<String> names = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value.length() > MAX_LENGTH) {
                names.add(name);
            }
        });
        return names;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
