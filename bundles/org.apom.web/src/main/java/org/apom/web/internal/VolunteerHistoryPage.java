package org.apom.web.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AuditEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record's history, oldest first, as the registry gives it (with the records merged into it): when, who, what,
 * and for each change the fields it changed, before and after. Personal data in it is masked by the registry.
 */
final class VolunteerHistoryPage {

    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };
    /** Bookkeeping of every change, not something the officer changed. */
    private static final Set<String> NOT_SHOWN = Set.of("version");

    private final VolunteerRegistry registry;

    VolunteerHistoryPage(VolunteerRegistry registry) {
        this.registry = registry;
    }

    void show(Visit visit, String id) throws IOException {
        Volunteer v = registry.get(visit.caller(), id);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (AuditEntry e : registry.history(visit.caller(), id)) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("date", visit.formats().date(e.at().atZone(THAILAND).toLocalDate()));
            entry.put("time", TIME.format(e.at().atZone(THAILAND)));
            entry.put("actor", e.actor());
            String key = "history.action." + e.action();
            entry.put("action", visit.texts().containsKey(key) ? visit.text(key) : e.action());
            entry.put("code", e.action());
            entry.put("record", e.entityId());
            entry.put("otherRecord", !e.entityId().equals(id));
            entry.put("changes", changes(visit, e.before(), e.after()));
            entries.add(entry);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", v.id());
        model.put("name", v.firstName() + " " + v.lastName());
        model.put("entries", entries);
        visit.render(200, "volunteer-history", model);
    }

    /** The fields an entry changed, in the record's order: a creation lists every field it set. */
    static List<Map<String, String>> changes(Visit visit, String before, String after) {
        Map<String, Object> was = state(before);
        Map<String, Object> is = state(after);
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<Map<String, String>> changes = new ArrayList<>();
        for (String field : fields) {
            Object from = was.get(field);
            Object to = is.get(field);
            if (NOT_SHOWN.contains(field) || Objects.equals(from, to)) {
                continue;
            }
            String key = "field." + field;
            changes.add(Map.of("field", visit.texts().containsKey(key) ? visit.text(key) : field,
                    "before", from == null ? "" : from.toString(), "after", to == null ? "" : to.toString()));
        }
        return changes;
    }

    private static Map<String, Object> state(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> state = JSON.readValue(json, STATE);
            return state == null ? Map.of() : state;
        } catch (JsonProcessingException e) {
            // an entry whose state is not an object (an older kind of entry) shows without its fields
            return Map.of();
        }
    }
}
