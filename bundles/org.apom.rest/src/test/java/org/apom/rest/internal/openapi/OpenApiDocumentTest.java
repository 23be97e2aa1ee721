package org.apom.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiDocumentTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void templatesAreComparedWithoutRegexesAndSlashes() {
        assertEquals("/areas/{code}", ServedOperation.normalise("areas/{code: \\d{2}}/"));
        assertEquals("/areas/{code}", ServedOperation.normalise("//areas//{ code }"));
        assertEquals("/", ServedOperation.normalise(null));
        assertEquals(new ServedOperation("get", "/a/{x}"), new ServedOperation("GET", "a/{x:.*}"));
    }

    @Test
    void keepsOnlyWhatTheRuntimeServesAndMergesSchemas() throws Exception {
        JsonNode areas = json.readTree("""
                {"openapi": "3.0.1", "tags": [{"name": "areas"}],
                 "paths": {"/areas/provinces": {"get": {"operationId": "provinces"}},
                           "/areas/gone": {"get": {"operationId": "gone"}, "post": {"operationId": "gonePost"}}},
                 "components": {"schemas": {"ProvinceJson": {"type": "object"}}}}""");
        JsonNode platform = json.readTree("""
                {"tags": [{"name": "platform"}, {"name": "areas"}],
                 "paths": {"/health": {"get": {"responses": {"200": {"description": "UP"}}}}}}""");
        ObjectNode doc = OpenApiDocument.build(json, "1.2.3", List.of(areas, platform), Set.of(
                new ServedOperation("GET", "/areas/provinces"), new ServedOperation("GET", "/health"),
                new ServedOperation("POST", "/areas/gone")));

        assertEquals("1.2.3", doc.at("/info/version").asText());
        assertEquals("/api/v1", doc.at("/servers/0/url").asText());
        assertTrue(doc.at("/paths/~1areas~1provinces/get").isObject());
        assertTrue(doc.at("/paths/~1areas~1gone/post").isObject());
        assertFalse(doc.at("/paths/~1areas~1gone/get").isObject(), "not served, so not described");
        assertEquals("UP", doc.at("/paths/~1health/get/responses/200/description").asText());
        assertEquals("#/components/schemas/Problem",
                doc.at("/paths/~1health/get/responses/4XX/content/application~1problem+json/schema/$ref").asText());
        assertTrue(doc.at("/components/schemas/ProvinceJson").isObject());
        assertTrue(doc.at("/components/schemas/Problem/properties/errors").isObject());
        assertEquals(2, doc.get("tags").size(), "tags are merged without duplicates");
    }
}
