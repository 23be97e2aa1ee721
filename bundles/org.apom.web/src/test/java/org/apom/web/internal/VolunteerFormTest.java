package org.apom.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VolunteerFormTest {

    @Test
    void onlyWhatDiffersIsSentAndAnEmptiedFieldIsCleared() {
        List<VolunteerForm.Field> fields = VolunteerForm.fields(true);
        Map<String, String> stored = new HashMap<>();
        fields.forEach(f -> stored.put(f.name(), "x"));
        Map<String, String> typed = new HashMap<>(stored);
        typed.put("phone", "");
        typed.put("firstNameEn", "Somsri");
        Map<String, String> changes = VolunteerForm.changes(fields, stored, typed);
        assertEquals(2, changes.size(), changes.toString());
        assertTrue(changes.containsKey("phone") && changes.get("phone") == null, "an emptied field is cleared");
        assertEquals("Somsri", changes.get("firstNameEn"));
        assertTrue(VolunteerForm.changes(fields, stored, stored).isEmpty());
    }

    @Test
    void personalDataIsNotInTheFormOfThoseWhoMayNotReadIt() {
        List<String> masked = VolunteerForm.fields(false).stream().map(VolunteerForm.Field::name).toList();
        for (String personal : List.of("nationalId", "birthDate", "phone", "address")) {
            assertFalse(masked.contains(personal), personal);
            assertTrue(VolunteerForm.fields(true).stream().anyMatch(f -> f.name().equals(personal)), personal);
        }
        assertTrue(masked.containsAll(List.of("firstName", "lastName", "subdistrictCode")));
    }
}
