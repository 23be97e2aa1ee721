package org.apom.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.TransientFailures;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.web.internal.VolunteerForm.Field;

/**
 * Editing a record, as the API's {@code PATCH} with {@code If-Match}: the form carries the version it was read at
 * and the values it showed. When someone else saved the record first, the officer sees both versions field by field
 * (theirs as saved, and their own) and chooses, instead of overwriting a colleague's change unseen.
 */
final class VolunteerEditPage {

    private final VolunteerRegistry registry;

    VolunteerEditPage(VolunteerRegistry registry) {
        this.registry = registry;
    }

    void form(Visit visit, String id) throws IOException {
        Volunteer v = registry.get(visit.caller(), id);
        requireMayEdit(visit, v);
        Map<String, String> values = VolunteerForm.values(v);
        renderForm(visit, 200, v, values, values, null, List.of());
    }

    void save(Visit visit, String id) throws IOException {
        long version = visit.version("version");
        Volunteer current = registry.get(visit.caller(), id);
        requireMayEdit(visit, current);
        List<Field> fields = VolunteerForm.fields(RecordView.unmasked(visit, current));
        Map<String, String> stored = VolunteerForm.values(current);
        Map<String, String> mine = VolunteerForm.submitted(visit, fields, "", stored);
        Map<String, String> was = VolunteerForm.submitted(visit, fields, "was.", stored);
        if (current.version() == version) {
            // only against the version the form was read at: re-shown at a newer one, the officer's old values would
            // be saved over a colleague's change without the conflict page
            List<String> tooLong = VolunteerForm.tooLong(mine);
            if (!tooLong.isEmpty()) {
                renderForm(visit, 422, current, was, mine, visit.localized("edit.invalid"), tooLong.stream().map(
                        f -> new FieldError(f, "too-long", visit.localized("edit.tooLong"))).toList());
                return;
            }
            Map<String, String> changes = VolunteerForm.changes(fields, stored, mine);
            if (changes.isEmpty()) {
                visit.redirect("/volunteers/" + id + "?done=unchanged");
                return;
            }
            try {
                registry.update(visit.caller(), id, changes, version);
                visit.redirect("/volunteers/" + id + "?done=saved");
                return;
            } catch (ProblemException e) {
                if (e.status() != 412) {
                    if (e.status() == 404) {
                        throw e;
                    }
                    renderForm(visit, e.status(), current, was, mine, e.detail(), e.errors());
                    return;
                }
                // saved by someone else between the read above and this write
                current = registry.get(visit.caller(), id);
            } catch (RuntimeException e) {
                if (!TransientFailures.concurrentChange(e)) {
                    throw e;
                }
                // saved by someone else at the same moment (the row's own version check): the same conflict
                current = registry.get(visit.caller(), id);
            }
        }
        conflict(visit, current, fields, was, mine);
    }

    private void conflict(Visit visit, Volunteer current, List<Field> fields, Map<String, String> was,
            Map<String, String> mine) throws IOException {
        Map<String, String> theirs = VolunteerForm.values(current);
        if (VolunteerForm.changes(fields, theirs, mine).isEmpty()) {
            // saved by someone else exactly as this officer wanted it
            visit.redirect("/volunteers/" + current.id() + "?done=unchanged");
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Field f : fields) {
            String name = f.name();
            boolean mineChanged = !mine.get(name).equals(was.get(name));
            boolean differ = !mine.get(name).equals(theirs.get(name));
            Map<String, Object> row = new HashMap<>();
            row.put("name", name);
            row.put("theirs", theirs.get(name));
            row.put("mine", mine.get(name));
            row.put("theirsShown", shown(visit, name, theirs.get(name)));
            row.put("mineShown", shown(visit, name, mine.get(name)));
            row.put("theirsChanged", !theirs.get(name).equals(was.get(name)));
            row.put("mineChanged", mineChanged);
            row.put("differ", differ);
            // what the officer typed wins where they typed something; elsewhere the saved value stays
            row.put("chooseMine", differ && mineChanged);
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", current.id());
        model.put("name", current.firstName() + " " + current.lastName());
        model.put("version", current.version());
        model.put("rows", rows);
        model.put("conflicts", rows.stream().filter(r -> (boolean) r.get("differ")).count());
        visit.render(409, "volunteer-conflict", model);
    }

    private void renderForm(Visit visit, int status, Volunteer v, Map<String, String> was,
            Map<String, String> values, LocalizedText problem, List<FieldError> errors) throws IOException {
        Map<String, String> messages = new HashMap<>();
        List<Map<String, String>> summary = new ArrayList<>();
        for (FieldError e : errors) {
            String message = e.message().in(visit.language().locale());
            messages.merge(e.field(), message, (a, b) -> a + " " + b);
            summary.add(Map.of("field", e.field(), "message", message));
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Field f : VolunteerForm.fields(RecordView.unmasked(visit, v))) {
            Map<String, Object> field = new HashMap<>();
            field.put("name", f.name());
            field.put("type", f.type());
            field.put("inputMode", f.inputMode());
            field.put("autocomplete", f.autocomplete());
            field.put("required", f.required());
            field.put("value", values.get(f.name()));
            field.put("was", was.get(f.name()));
            field.put("error", messages.getOrDefault(f.name(), ""));
            shown.add(field);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", v.id());
        model.put("name", v.firstName() + " " + v.lastName());
        model.put("version", v.version());
        model.put("fields", shown);
        model.put("problem", problem == null ? "" : problem.in(visit.language().locale()));
        model.put("summary", summary);
        visit.render(status, "volunteer-edit", model);
    }

    /** A value as the conflict page shows it: a gender in words, a date in the page's calendar. */
    private static String shown(Visit visit, String field, String value) {
        if (value.isEmpty()) {
            return "";
        }
        if ("gender".equals(field) && value.matches("MALE|FEMALE|OTHER")) {
            return visit.text("gender." + value);
        }
        if ("birthDate".equals(field)) {
            try {
                return visit.formats().date(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }


    static void requireMayEdit(Visit visit, Volunteer v) {
        if (!AccessPolicy.allows(visit.caller(), Action.VOLUNTEERS_WRITE, v.provinceCode())) {
            throw new ProblemException(403, "forbidden", visit.localized("edit.forbidden"), List.of());
        }
        if (v.mergedInto() != null) {
            throw ProblemException.conflict("already-merged", visit.localized("edit.merged"));
        }
    }
}
