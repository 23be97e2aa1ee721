package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the walking skeleton promises, checked over real HTTP against the real distribution. Each database
 * the platform supports runs the same contract (see the subclasses).
 */
public abstract class PlatformContract extends PlatformSecurityContract {

    /** Where the build wrote the OpenAPI document it validated (clients/java). */
    static final String BUILT_DOCUMENT_PROPERTY = "apom.test.openapi";

    private static final String PRODUCT_PROPERTY = "apom.test.database.product";

    @Inject
    protected JaxrsServiceRuntime jaxrsRuntime;

    @Inject
    protected BundleContext context;

    /** The database product the platform must report it runs on (asked in the test JVM, at configuration). */
    protected abstract String expectedDatabaseProduct();

    @Override
    protected List<Option> extraOptions() {
        List<Option> options = new ArrayList<>(databaseOptions());
        // Pax Exam runs inherited test methods on an instance of whichever subclass it finds first in the
        // probe, so what differs between the subclasses reaches the container as a system property
        options.add(systemProperty(PRODUCT_PROPERTY).value(expectedDatabaseProduct()));
        return options;
    }

    /** How this subclass points the platform at its database; none for the embedded default. */
    protected List<Option> databaseOptions() {
        return List.of();
    }

    @Test
    public void healthIsUpWithItsDatabaseAndEveryCoreBundleActive() throws Exception {
        HttpAnswer answer = http().get("/health");
        assertEquals(answer.toString(), 200, answer.status());
        JsonNode health = answer.json();
        assertEquals("UP", health.at("/status").asText());
        assertEquals("UP", health.at("/components/database/status").asText());
        assertEquals(System.getProperty(PRODUCT_PROPERTY), health.at("/components/database/details/product").asText());
        assertEquals("UP", health.at("/components/bundles/status").asText());
        assertTrue(health.toString(), health.at("/components/bundles/details/active").asInt() >= 4);
        assertEquals("UP", health.at("/components/components/status").asText());
        assertEquals("UP", health.at("/components/api/status").asText());
        int resources = 0;
        for (ApplicationDTO app : jaxrsRuntime.getRuntimeDTO().applicationDTOs) {
            resources += "apom".equals(app.name) ? app.resourceDTOs.length : 0;
        }
        assertTrue(health.toString(), health.at("/components/api/details/served").asInt() >= resources);
    }

    @Test
    public void healthIsDownWhileACoreBundleAndWhatNeedsItAreMissing() throws Exception {
        Bundle areas = bundle("org.apom.areas");
        areas.stop();
        try {
            HttpAnswer answer = http().get("/health");
            assertEquals(answer.toString(), 503, answer.status());
            JsonNode health = answer.json();
            assertEquals("DOWN", health.at("/status").asText());
            assertTrue(health.toString(), health.at("/components/bundles/details/notActive").toString()
                    .contains("org.apom.areas"));
            // the register needs the area directory, so its components wait and the node is not ready
            assertEquals(health.toString(), "DOWN", health.at("/components/components/status").asText());
            assertTrue(health.toString(), health.at("/components/components/details/notSatisfied").toString()
                    .contains("org.apom.registry"));
        } finally {
            areas.start();
        }
        waitUntilReady();
        assertEquals(200, http().get("/health").status());
    }

    @Test
    public void servesAll77ProvincesInThaiAndEnglish() throws Exception {
        JsonNode page = asAdmin().get("/areas/provinces").json();
        assertEquals(77, page.get("items").size());
        assertTrue(page.get("nextCursor").isNull());
        JsonNode chiangMai = find(page.get("items"), "50");
        assertEquals("เชียงใหม่", chiangMai.get("nameTh").asText());
        assertEquals("Chiang Mai", chiangMai.get("nameEn").asText());
        assertEquals("north", chiangMai.get("region").asText());
        for (JsonNode p : page.get("items")) {
            assertFalse(p.toString(), p.get("nameTh").asText().isBlank() || p.get("nameEn").asText().isBlank());
        }
    }

    @Test
    public void chiangMaiHas25DistrictsAndGalyaniVadhanaItsThreeSubdistricts() throws Exception {
        JsonNode districts = asAdmin().get("/areas/provinces/50/districts").json().get("items");
        assertEquals(25, districts.size());
        assertEquals("กัลยาณิวัฒนา", find(districts, "5025").get("nameTh").asText());
        JsonNode subdistricts = asAdmin().get("/areas/districts/5025/subdistricts").json().get("items");
        assertEquals(3, subdistricts.size());
        assertEquals("5025", subdistricts.get(0).get("districtCode").asText());
    }

    @Test
    public void anUnknownAreaIsA404ProblemInEnglishOrThai() throws Exception {
        HttpAnswer en = asAdmin().get("/areas/provinces/99/districts");
        assertProblem(en, 404, "area-not-found");
        assertTrue(en.body(), en.json().get("detail").asText().contains("99"));
        assertEquals("/api/v1/areas/provinces/99/districts", en.json().get("instance").asText());

        HttpAnswer th = asAdmin().with("Accept-Language", "th-TH,th;q=0.9,en;q=0.5").get("/areas/districts/9999/subdistricts");
        assertProblem(th, 404, "area-not-found");
        assertEquals("ไม่พบข้อมูล", th.json().get("title").asText());
        assertTrue(th.body(), th.json().get("detail").asText().startsWith("ไม่พบอำเภอ"));
    }

    @Test
    public void aMalformedCodeIsA400NamingTheParameter() throws Exception {
        HttpAnswer answer = asAdmin().get("/areas/provinces/5x/districts");
        assertProblem(answer, 400, "invalid-parameter");
        assertEquals("code", answer.json().at("/errors/0/field").asText());
        assertEquals("area-code", answer.json().at("/errors/0/code").asText());
    }

    @Test
    public void theRuntimesOwnErrorsAreProblemsToo() throws Exception {
        assertProblem(asAdmin().get("/no/such/thing"), 404, "not-found");
        HttpAnswer wrongMethod = asAdmin().send("DELETE", "/areas/provinces", null, null);
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertEquals("GET, HEAD, OPTIONS", wrongMethod.header("Allow"));
        // Allow names what the address accepts, not every method of the application (CXF's own answer)
        HttpAnswer imports = asAdmin().send("PUT", "/volunteers/imports", "application/json", "{}");
        assertProblem(imports, 405, "method-not-allowed");
        assertEquals("GET, HEAD, OPTIONS, POST", imports.header("Allow"));
        assertTrue(imports.body(), imports.json().get("detail").asText().endsWith("Allowed: GET, HEAD, OPTIONS, POST."));
        assertEquals("GET, HEAD, OPTIONS",
                asAdmin().send("POST", "/volunteers/imports/any-id", "application/json", "{}").header("Allow"));
        // and OPTIONS, which the runtime answers itself to anyone, says the same as the 405
        HttpAnswer options = http().send("OPTIONS", "/volunteers/imports", null, null);
        assertEquals(options.toString(), 200, options.status());
        assertEquals("GET, HEAD, OPTIONS, POST", options.header("Allow"));
        assertEquals("GET, HEAD, OPTIONS", http().send("OPTIONS", "/areas/provinces", null, null).header("Allow"));
        assertProblem(http().with("Accept", "text/csv").get("/health"), 406, "not-acceptable");
    }

    @Test
    public void theOpenApiDocumentDescribesExactlyWhatIsServed() throws Exception {
        HttpAnswer answer = http().get("/openapi.json");
        assertEquals(answer.toString(), 200, answer.status());
        JsonNode doc = answer.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        assertEquals("/api/v1", doc.at("/servers/0/url").asText());

        Set<String> described = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase() + " " + path.getKey()));
            path.getValue().forEach(operation -> assertTrue(path.getKey(),
                    operation.at("/responses/4XX/content").has("application/problem+json")));
        }
        assertEquals(served(), described);
        assertTrue(described.contains("GET /areas/provinces/{code}/districts"));
        assertTrue(doc.at("/components/schemas/Problem").isObject());
        assertTrue(doc.at("/components/schemas/ProvinceJson/properties").has("nameTh"));

        // the document the build validated and generated the Java client from is the one the platform serves
        JsonNode built = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of(System.getProperty(BUILT_DOCUMENT_PROPERTY)).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) built.get("info")).remove("version");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("info")).remove("version");
        List<String> differences = new ArrayList<>();
        differences(built, doc, "", differences);
        assertTrue("served and built documents differ at " + differences, differences.isEmpty());
    }

    /** Where two JSON trees differ, as JSON pointers (the first 20), rather than two half-megabyte documents. */
    private static void differences(JsonNode built, JsonNode served, String at, List<String> found) {
        if (found.size() >= 20 || built.equals(served)) {
            return;
        }
        if (built.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            built.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(built.path(name), served.path(name), at + "/" + name.replace("~", "~0").replace("/", "~1"),
                        found);
            }
        } else {
            found.add(at + " (built " + abbreviated(built) + ", served " + abbreviated(served) + ")");
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.isMissingNode() ? "nothing" : node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    @Test
    public void peopleReadTheDocumentAtApiDocsWithNothingFromOutside() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String root = "http://localhost:" + Integer.getInteger(HTTP_PORT_PROPERTY) + "/api/docs/";
        java.net.http.HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(root + "index.html")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse(""), page.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/html"));
        assertFalse("no script or style from another site: " + page.body(),
                page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"));
        for (String typed : List.of("/api/docs", "/api/docs/")) {
            java.net.http.HttpResponse<String> home = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(root.replace("/api/docs/", typed))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(typed, 302, home.statusCode());
            assertTrue(typed, home.headers().firstValue("Location").orElse("").endsWith("/api/docs/index.html"));
        }
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css",
                "swagger-initializer.js")) {
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(root + file)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(file, 200, answer.statusCode());
            if (file.equals("swagger-initializer.js")) {
                assertTrue(answer.body(), answer.body().contains("\"../v1/openapi.json\""));
            }
        }
    }

    @Test
    public void registrationsOfOneNationalIdAtOnceMakeOneRecordAndAnswer409() throws Exception {
        for (int threads = 2; threads <= 8; threads *= 2) {
            String body = AccessMatrixIT.volunteerJson("50", AccessMatrixIT.nationalId(880_000 + threads));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
            List<java.util.concurrent.Future<HttpAnswer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    var as = asAdmin().copy();
                    answers.add(pool.submit(() -> {
                        together.await();
                        return as.post("/volunteers", body);
                    }));
                }
                int created = 0;
                for (var answer : answers) {
                    HttpAnswer a = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
                    if (a.status() == 201) {
                        created++;
                    } else {
                        assertProblem(a, 409, "duplicate");
                    }
                }
                assertEquals(threads + " at once", 1, created);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    public void theSchemaComesFromLiquibaseAndHoldsTheWholeAreaEdition() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals(77, count(s, "SELECT COUNT(*) FROM areas_province WHERE retired_edition IS NULL"));
            assertEquals(928, count(s, "SELECT COUNT(*) FROM areas_district"));
            assertEquals(7454, count(s, "SELECT COUNT(*) FROM areas_subdistrict"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM areas_edition"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM databasechangelog WHERE id = 'areas-1'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM databasechangelog WHERE id = 'registry-5-transfers'"));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM registry_transfer WHERE version < 0"));
        }
    }

    @Test
    public void aMergeNeedsTheETagsOfBothRecords() throws Exception {
        String twin = "{\"title\": \"นาย\", \"firstName\": \"ผสาน\", \"lastName\": \"สองทาง\", "
                + "\"birthDate\": \"1980-01-01\", \"gender\": \"MALE\", \"subdistrictCode\": \"500101\", "
                + "\"nationalId\": \"";
        HttpAnswer a = asAdmin().post("/volunteers", twin + AccessMatrixIT.nationalId(810001) + "\"}");
        HttpAnswer b = asAdmin().post("/volunteers", twin + AccessMatrixIT.nationalId(810002) + "\"}");
        assertEquals(a.toString(), 201, a.status());
        assertEquals(b.toString(), 201, b.status());
        String aId = a.json().get("id").asText();
        String bPath = "/volunteers/" + b.json().get("id").asText();
        String aIntoB = "{\"merged\": \"" + aId + "\", \"mergedIfMatch\": " + quoted(a.header("ETag")) + "}";
        assertProblem(asAdmin().post(bPath + "/merges", aIntoB), 428, "precondition-required");
        assertProblem(asAdmin().with("If-Match", b.header("ETag")).post(bPath + "/merges",
                "{\"merged\": \"" + aId + "\"}"), 428, "precondition-required");
        assertEquals(200, asAdmin().send("POST", "/volunteers/" + aId + "/verifications", null, null).status());
        assertProblem(asAdmin().with("If-Match", b.header("ETag")).post(bPath + "/merges", aIntoB), 412,
                "precondition-failed");
        JsonNode unmerged = asAdmin().get("/volunteers/" + aId).json().path("mergedInto");
        assertTrue("nothing merged from a stale read: " + unmerged, unmerged.isNull() || unmerged.isMissingNode());
        HttpAnswer current = asAdmin().get("/volunteers/" + aId);
        HttpAnswer merged = asAdmin().with("If-Match", b.header("ETag")).post(bPath + "/merges",
                "{\"merged\": \"" + aId + "\", \"mergedIfMatch\": " + quoted(current.header("ETag")) + "}");
        assertEquals(merged.toString(), 200, merged.status());
        assertEquals("the answer's ETag is the survivor's current one", asAdmin().get(bPath).header("ETag"),
                merged.header("ETag"));
        assertProblem(asAdmin().with("If-Match", "*").post("/volunteers/" + aId + "/merges", "{\"merged\": \""
                + b.json().get("id").asText() + "\", \"mergedIfMatch\": \"*\"}"), 409, "already-merged");
    }

    /** A JSON string of the text. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    protected static void assertProblem(HttpAnswer answer, int status, String code) {
        assertEquals(answer.toString(), status, answer.status());
        assertTrue(answer.toString(), answer.contentType().startsWith("application/problem+json"));
        JsonNode problem = answer.json();
        assertEquals(status, problem.get("status").asInt());
        assertEquals("urn:apom:problem:" + code, problem.get("type").asText());
        assertFalse(answer.body(), answer.body().contains("Exception") || answer.body().contains("at org."));
    }

    private Set<String> served() {
        Set<String> served = new HashSet<>();
        for (ApplicationDTO app : jaxrsRuntime.getRuntimeDTO().applicationDTOs) {
            if ("apom".equals(app.name)) {
                for (ResourceDTO r : app.resourceDTOs) {
                    for (ResourceMethodInfoDTO m : r.resourceMethods) {
                        served.add(m.method + " " + (m.path.startsWith("/") ? m.path : "/" + m.path));
                    }
                }
            }
        }
        assertFalse("the apom application serves nothing", served.isEmpty());
        return served;
    }

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (code.equals(item.get("code").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with code " + code + " in " + items);
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
