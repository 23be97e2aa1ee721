package org.apom.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apom.core.api.PageRequest;
import org.apom.registry.api.Change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events a webhook may ask for, one per kind of change of the feed ({@code volunteer.updated}), and the body
 * each message carries: the Standard Webhooks envelope ({@code type}, {@code timestamp}, {@code data}) around the
 * change exactly as {@code GET /changes} tells it. Ids and versions only, never personal data: a receiver reads
 * the record with its own credentials, under its own masking and audit.
 */
final class WebhookEvents {

    static final Set<String> TYPES = Set.of("volunteer.created", "volunteer.updated", "volunteer.status",
            "volunteer.merged", "volunteer.deleted");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEvents() {
    }

    static String typeOf(Change change) {
        return change.entity() + "." + change.kind();
    }

    static Set<String> known() {
        return new TreeSet<>(TYPES);
    }

    static String payload(Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cursor", PageRequest.encode(Long.toString(change.position())));
        data.put("entity", change.entity());
        data.put("id", change.id());
        data.put("kind", change.kind());
        data.put("version", change.version());
        data.put("at", change.at().toString());
        data.put("province", change.province());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeOf(change));
        body.put("timestamp", change.at().toString());
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }
}
