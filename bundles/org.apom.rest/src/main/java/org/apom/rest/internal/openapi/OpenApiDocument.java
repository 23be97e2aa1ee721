package org.apom.rest.internal.openapi;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private OpenApiDocument() {
    }

    static ObjectNode build(ObjectMapper json, String version, List<JsonNode> fragments, Set<ServedOperation> served) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.1");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Apom API");
        info.put("version", version);
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
                    if (HTTP_METHODS.contains(method) && served.contains(new ServedOperation(method, template))) {
                        ObjectNode target = paths.has(template) ? (ObjectNode) paths.get(template)
                                : paths.putObject(template);
                        target.set(method, withProblemResponses((ObjectNode) operation.getValue().deepCopy()));
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
        // resources that need a login say so with @SecurityRequirement(name = "basicAuth"); the rest are public
        ObjectNode basic = ((ObjectNode) doc.get("components")).putObject("securitySchemes").putObject(SECURITY_SCHEME);
        basic.put("type", "http");
        basic.put("scheme", "basic");
        schemas.set("FieldError", fieldErrorSchema(json));
        doc.set("tags", tags);
        return doc;
    }

    /** Every operation can fail with a problem+json answer; say so where the resource did not. */
    private static ObjectNode withProblemResponses(ObjectNode operation) {
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        for (String range : List.of("4XX", "5XX")) {
            if (!responses.has(range)) {
                ObjectNode response = responses.putObject(range);
                response.put("description", range.startsWith("4") ? "The request was refused; see the problem"
                        : "A fault of the platform (always a bug); the problem names an incident id");
                response.putObject("content").putObject("application/problem+json").putObject("schema")
                        .put("$ref", PROBLEM_REF);
            }
        }
        return operation;
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
