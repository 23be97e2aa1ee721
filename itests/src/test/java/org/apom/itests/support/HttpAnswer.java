package org.apom.itests.support;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the platform answered: status, headers and body, with the body as JSON when it is JSON. */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
