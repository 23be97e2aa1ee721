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
                 "paths": {"/areas/provinces": {"get": {"operationId": "provinces", "responses": {"200": {
                               "content": {"application/json": {"schema": {
                                   "$ref": "#/components/schemas/ProvinceJson"}}}}}}},
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

    @Test
    void describesWhatEveryAnswerHasInCommon() throws Exception {
        JsonNode fragment = json.readTree("""
                {"paths": {
                   "/things": {"get": {"operationId": "listThings", "security": [{"basicAuth": []}],
                     "parameters": [{"in": "query", "name": "limit", "schema": {"type": "string"}}],
                     "responses": {"200": {"content": {"application/json": {"schema": {
                         "$ref": "#/components/schemas/PageThing"}}}},
                                   "404": {"description": "no such thing"}}}},
                   "/things/{id}": {"get": {"operationId": "getThing", "security": [{"basicAuth": []}],
                     "responses": {"200": {"headers": {"ETag": {"$ref": "#/components/headers/ETag",
                                                                 "style": "simple"}}}}}},
                   "/open": {"get": {"operationId": "open"}}},
                 "components": {"schemas": {
                   "PageThing": {"type": "object", "properties": {
                       "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                       "nextCursor": {"type": "string"}}},
                   "Thing": {"type": "object", "properties": {
                       "details": {"type": "object", "additionalProperties": {"type": "object"}},
                       "why": {"$ref": "#/components/schemas/Reason", "nullable": true},
                       "names": {"type": "object", "description": "d", "nullable": true,
                                 "additionalProperties": {"type": "string", "description": "d", "nullable": true}}}},
                   "Reason": {"type": "object"},
                   "JsonNode": {"type": "object"}}}}""");
        ObjectNode doc = OpenApiDocument.build(json, "1", List.of(fragment), operation -> true);

        JsonNode page = doc.at("/components/schemas/PageThing");
        assertTrue(page.at("/properties/nextCursor/nullable").asBoolean(), "the last page's cursor is null");
        assertEquals("[\"items\",\"nextCursor\"]", page.get("required").toString());
        assertEquals("{}", doc.at("/components/schemas/Thing/properties/details/additionalProperties").toString(),
                "a Map<String, Object> holds any value");
        assertFalse(doc.at("/components/schemas/JsonNode").isObject(), "a schema nothing refers to is left out");
        assertEquals("{\"type\":\"string\"}",
                doc.at("/components/schemas/Thing/properties/names/additionalProperties").toString(),
                "a nullable map's values are not");
        assertEquals("{\"type\":\"object\",\"nullable\":true}",
                doc.at("/components/schemas/Thing/properties/why").toString(), "a nullable reference, made a copy");

        JsonNode list = doc.at("/paths/~1things/get");
        assertEquals("integer", list.at("/parameters/0/schema/type").asText(), "a page's size is a number");
        assertEquals(500, list.at("/parameters/0/schema/maximum").asInt());
        assertEquals("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]", list.get("security").toString(),
                "a login or an integrator's token");
        assertEquals("#/components/headers/WWW-Authenticate",
                list.at("/responses/401/headers/WWW-Authenticate/$ref").asText());
        for (String status : List.of("429", "503")) {
            assertEquals("#/components/headers/Retry-After",
                    list.at("/responses/" + status + "/headers/Retry-After/$ref").asText(), status);
        }
        assertEquals("#/components/schemas/Problem",
                list.at("/responses/404/content/application~1problem+json/schema/$ref").asText(),
                "a named error answer is a problem too");
        assertEquals("#/components/headers/X-Request-Id", list.at("/responses/200/headers/X-Request-Id/$ref").asText());
        assertEquals("{\"$ref\":\"#/components/headers/ETag\"}",
                doc.at("/paths/~1things~1{id}/get/responses/200/headers/ETag").toString(), "nothing beside a $ref");
        assertTrue(doc.at("/components/headers/ETag/required").asBoolean());

        JsonNode open = doc.at("/paths/~1open/get");
        assertEquals("[]", open.get("security").toString(), "public, and saying so");
        assertFalse(open.at("/responses/401").isObject(), "no login, so no 401");
    }
}
