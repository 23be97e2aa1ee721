package org.apom.rest.internal.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI 3 document of the "apom" application from the fragments that each bundle's build
 * generated from its JAX-RS resources, keeping exactly the operations the runtime serves now, so the
 * document cannot describe an endpoint that is gone or miss one that came.
 */
final class OpenApiDocument {

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    static final String SECURITY_SCHEME = "basicAuth";
    /** Integrators' API tokens: every operation that takes a login takes a token instead. */
    static final String TOKEN_SCHEME = "bearerAuth";
    /** OpenAPI 3.0, not 3.1: swagger-request-validator, which checks the container tests, reads 3.0 only. */
    static final String OPENAPI_VERSION = "3.0.3";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String HEADERS = "#/components/headers/";

    private OpenApiDocument() {
    }

    static ObjectNode build(ObjectMapper json, String version, List<JsonNode> fragments, Set<ServedOperation> served) {
        return build(json, version, fragments, served::contains);
    }

    /**
     * The document of the operations {@code served} accepts: at run time those the JAX-RS runtime serves, at build
     * time every one the fragments describe.
     */
    static ObjectNode build(ObjectMapper json, String version, List<JsonNode> fragments,
            Predicate<ServedOperation> served) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", OPENAPI_VERSION);
        ObjectNode info = doc.putObject("info");
        info.put("title", "Apom API");
        info.put("version", version);
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        info.put("description", "The REST API of Apom, the platform of Thailand's social development volunteers "
                + "(อพม.). Errors are application/problem+json; send Accept-Language: th for Thai messages.");
        doc.putArray("servers").addObject().put("url", "/api/v1");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        ArrayNode tags = json.createArrayNode();

        for (JsonNode fragment : fragments) {
            fields(fragment.path("paths")).forEach(path -> {
                String template = ServedOperation.normalise(path.getKey());
                fields(path.getValue()).forEach(operation -> {
                    String method = operation.getKey();
                    if (HTTP_METHODS.contains(method) && served.test(new ServedOperation(method, template))) {
                        ObjectNode target = paths.has(template) ? (ObjectNode) paths.get(template)
                                : paths.putObject(template);
                        ObjectNode copy = (ObjectNode) operation.getValue().deepCopy();
                        target.set(method, withCommonResponses(withTokens(withListParameters(copy))));
                    }
                });
            });
            fields(fragment.path("components").path("schemas")).forEach(s -> schemas.set(s.getKey(), s.getValue()));
            fragment.path("tags").forEach(tag -> {
                if (tags.findValuesAsText("name").stream().noneMatch(tag.path("name").asText()::equals)) {
                    tags.add(tag);
                }
            });
        }
        schemas.set("Problem", problemSchema(json));
        schemas.fields().forEachRemaining(schema -> {
            envelope(schema.getValue());
            anyValues(schema.getValue());
        });
        // resources that need a login say so with @SecurityRequirement(name = "basicAuth"); the rest are public
        ObjectNode components = (ObjectNode) doc.get("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        ObjectNode basic = schemes.putObject(SECURITY_SCHEME);
        basic.put("type", "http");
        basic.put("scheme", "basic");
        basic.put("description", "People: username and password (realm apom), over HTTPS");
        ObjectNode bearer = schemes.putObject(TOKEN_SCHEME);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "Integrators: an API token from POST /tokens");
        components.set("headers", commonHeaders(json));
        schemas.set("FieldError", fieldErrorSchema(json));
        // by name: the bundles' order differs between the build and a running node
        List<JsonNode> sorted = new ArrayList<>();
        tags.forEach(sorted::add);
        sorted.sort(Comparator.comparing(tag -> tag.path("name").asText()));
        doc.putArray("tags").addAll(sorted);
        refsAlone(doc, schemas);
        withoutUnusedSchemas(schemas, doc);
        return doc;
    }

    /**
     * Every list answers the same envelope (org.apom.core.api.Page): both fields always present, the cursor null on
     * the last page.
     */
    private static void envelope(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        if (properties.size() == 2 && properties.has("items") && properties.has("nextCursor")) {
            ((ObjectNode) properties.get("nextCursor")).put("nullable", true)
                    .put("description", "the cursor of the next page; null on the last page");
            ((ObjectNode) schema).putArray("required").add("items").add("nextCursor");
        }
    }

    /**
     * swagger-core describes a Java Object as a JSON object, but a {@code Map<String, Object>} holds any JSON value
     * (health's details are numbers, text and booleans): say so. It also gives a map's values the map's own
     * description and nullability: take them back.
     */
    private static void anyValues(JsonNode node) {
        if (node.isObject()) {
            JsonNode values = node.get("additionalProperties");
            // swagger-core copies a map's own description and nullable onto its values
            if (values != null && values.isObject() && values.has("description")
                    && values.get("description").equals(node.get("description"))) {
                ((ObjectNode) values).remove(List.of("description", "nullable"));
            }
            if (values != null && values.isObject() && values.size() == 1
                    && "object".equals(values.path("type").asText())) {
                ((ObjectNode) node).putObject("additionalProperties");
            }
            node.forEach(OpenApiDocument::anyValues);
        } else if (node.isArray()) {
            node.forEach(OpenApiDocument::anyValues);
        }
    }

    /**
     * OpenAPI 3.0 ignores what stands beside a $ref (swagger-core puts a header's style there, and a nullable
     * object's {@code nullable}): leave it out. A reference that may be null becomes a copy of the schema it names,
     * marked nullable: the 3.0 way with {@code allOf} is one the request validator does not follow.
     */
    private static void refsAlone(JsonNode node, ObjectNode schemas) {
        if (node.isObject() && node.has("$ref") && node.size() > 1) {
            ObjectNode reference = (ObjectNode) node;
            String ref = reference.path("$ref").asText();
            JsonNode named = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (reference.path("nullable").asBoolean() && named != null) {
                JsonNode description = reference.get("description");
                reference.removeAll();
                reference.setAll((ObjectNode) named.deepCopy());
                reference.put("nullable", true);
                if (description != null) {
                    reference.set("description", description);
                }
            } else {
                reference.retain("$ref");
            }
        }
        node.forEach(child -> refsAlone(child, schemas));
    }

    /**
     * Schemas no operation refers to (swagger-core describes the Java type of a method whose answer an annotation
     * describes otherwise) would become dead classes of every generated client.
     */
    private static void withoutUnusedSchemas(ObjectNode schemas, ObjectNode doc) {
        boolean removed = true;
        while (removed) {
            Set<String> used = new HashSet<>();
            doc.findValues("$ref").forEach(ref -> used.add(ref.asText()));
            removed = schemas.properties().removeIf(s -> !used.contains("#/components/schemas/" + s.getKey()));
        }
    }

    /**
     * Resources read {@code limit} as text, to refuse a bad one in their own words; the document says what the list
     * convention accepts (docs/api.md), so that clients pass a number.
     */
    private static ObjectNode withListParameters(ObjectNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            if (name.equals("limit")) {
                ((ObjectNode) parameter).put("description", "items per page, 1 to 500 (default 50)");
                ((ObjectNode) parameter).putObject("schema").put("type", "integer").put("format", "int32")
                        .put("minimum", 1).put("maximum", 500).put("default", 50);
            } else if (name.equals("cursor")) {
                ((ObjectNode) parameter).put("description", "the nextCursor of the page before; opaque");
            }
        }
        return operation;
    }

    /**
     * An operation that takes a login takes an integrator's token as well; one that takes none says so (an empty
     * requirement), so that no reader takes it for an oversight.
     */
    private static ObjectNode withTokens(ObjectNode operation) {
        if (!operation.has("security")) {
            operation.putArray("security");
            return operation;
        }
        JsonNode security = operation.path("security");
        boolean login = false;
        for (JsonNode requirement : security) {
            login |= requirement.has(SECURITY_SCHEME);
        }
        if (login) {
            ((ArrayNode) security).addObject().putArray(TOKEN_SCHEME);
        }
        return operation;
    }

    /**
     * Every operation can be refused or fail with a problem+json answer, and any may be told to wait (429, 503 with
     * Retry-After); say so where the resource did not. Every answer carries X-Request-Id.
     */
    private static ObjectNode withCommonResponses(ObjectNode operation) {
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        boolean login = !operation.path("security").isEmpty();
        if (login) {
            problem(responses, "401", "No credentials, or wrong ones; see WWW-Authenticate", "WWW-Authenticate");
        }
        problem(responses, "429", "Too many requests, or today's national-ID probes are used up; wait as "
                + "Retry-After says", "Retry-After");
        problem(responses, "503", "Busy, or an extension is being swapped; try again after Retry-After", "Retry-After");
        problem(responses, "4XX", "The request was refused; see the problem", null);
        problem(responses, "5XX", "A fault of the platform (always a bug); the problem names an incident id", null);
        responses.fields().forEachRemaining(r -> {
            // a resource that names an error answer (404 "no such record") answers it as a problem like any other
            if ((r.getKey().startsWith("4") || r.getKey().startsWith("5")) && !r.getValue().has("content")) {
                ((ObjectNode) r.getValue()).putObject("content").putObject("application/problem+json")
                        .putObject("schema").put("$ref", PROBLEM_REF);
            }
            ObjectNode headers = r.getValue().has("headers") ? (ObjectNode) r.getValue().get("headers")
                    : ((ObjectNode) r.getValue()).putObject("headers");
            if (!headers.has("X-Request-Id")) {
                headers.putObject("X-Request-Id").put("$ref", HEADERS + "X-Request-Id");
            }
        });
        return operation;
    }

    private static void problem(ObjectNode responses, String status, String description, String header) {
        if (responses.has(status)) {
            return;
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        if (header != null) {
            response.putObject("headers").putObject(header).put("$ref", HEADERS + header);
        }
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", PROBLEM_REF);
    }

    private static ObjectNode commonHeaders(ObjectMapper json) {
        ObjectNode headers = json.createObjectNode();
        header(headers, "X-Request-Id", "The caller's own request id if it sent a well-formed one, else one the "
                + "platform made; the audit trail records it", false, "string");
        header(headers, "ETag", "The version of the resource, for If-Match on a later change", true, "string");
        header(headers, "Location", "The URL of the resource made, or of the work started", true, "string");
        header(headers, "Retry-After", "Seconds to wait before trying again", true, "integer");
        header(headers, "WWW-Authenticate", "How to log in: Basic realm=\"apom\", or Bearer for a token", true,
                "string");
        return headers;
    }

    private static void header(ObjectNode headers, String name, String description, boolean required, String type) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.put("required", required);
        header.putObject("schema").put("type", type);
    }

    private static ObjectNode problemSchema(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details; title, detail and message follow Accept-Language (th or en)");
        ObjectNode p = schema.putObject("properties");
        p.putObject("type").put("type", "string").put("example", "urn:apom:problem:area-not-found");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        ObjectNode errors = p.putObject("errors");
        errors.put("type", "array");
        errors.putObject("items").put("$ref", "#/components/schemas/FieldError");
        schema.putArray("required").add("type").add("title").add("status");
        return schema;
    }

    private static ObjectNode fieldErrorSchema(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "object");
        ObjectNode p = schema.putObject("properties");
        p.putObject("field").put("type", "string");
        p.putObject("code").put("type", "string").put("description", "stable, language-free");
        p.putObject("message").put("type", "string");
        return schema;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            return it;
        };
    }
}
