package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * GET /metrics on the real distribution: the requests this test makes show up under their route templates and
 * statuses, the pool, audit and import gauges are there, and only central admins and national scrape tokens
 * read it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends ApomContainerTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    public void requestsAreCountedByRouteTemplateAndStatus() throws Exception {
        String before = scrape();
        String missing = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, asAdmin().get("/areas/provinces").status());
        }
        assertProblem(http().get("/areas/provinces"), 401, "authentication-required");
        assertEquals(404, asAdmin().get("/volunteers/" + missing).status());
        assertEquals(404, asAdmin().get("/no-such-resource/" + missing).status());
        String after = scrape();

        assertEquals(3, increase(before, after, requests("GET", "/areas/provinces", 200)), 0);
        assertEquals(1, increase(before, after, requests("GET", "/areas/provinces", 401)), 0);
        assertEquals(1, increase(before, after, requests("GET", "/volunteers/{id}", 404)), 0);
        assertEquals(1, increase(before, after, requests("GET", "UNMATCHED", 404)), 0);
        assertFalse("a concrete path never becomes a label", after.contains(missing));
        // the latency histogram of the same series, in the Prometheus buckets
        assertNotNull(after, value(after, "http_server_requests_seconds_bucket{method=\"GET\","
                + "route=\"/areas/provinces\",status=\"200\",le=\"10.0\"}"));
        assertNotNull(after, value(after, "http_server_requests_seconds_sum{method=\"GET\","
                + "route=\"/areas/provinces\",status=\"200\"}"));
    }

    @Test
    public void thePoolTheAuditTrailAndTheImportsAreGauges() throws Exception {
        HttpAnswer answer = asAdmin().get("/metrics");
        assertEquals(answer.toString(), 200, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("text/plain"));
        assertTrue(answer.contentType(), answer.contentType().contains("version=0.0.4"));
        String text = answer.body();
        assertTrue(text, text.contains("# TYPE http_server_requests_seconds histogram"));
        assertTrue(text, value(text, "apom_db_pool_max_connections") > 0);
        assertTrue(text, value(text, "apom_db_pool_idle_connections") >= 0);
        assertNotNull(text, value(text, "apom_db_pool_active_connections"));
        assertNotNull(text, value(text, "apom_db_pool_waiting_callers"));
        assertNotNull(text, value(text, "apom_db_pool_refused_total"));
        assertNotNull(text, value(text, "apom_imports_running"));
        assertNotNull(text, value(text, "apom_imports_queued"));

        // a write leaves an audit entry to seal; once sealed, none waits
        String user = "{\"username\": \"metrics-officer\", \"password\": \"a long enough passphrase\", "
                + "\"roles\": [\"province-officer\"], \"province\": \"50\"}";
        assertEquals(201, asAdmin().post("/users", user).status());
        awaitAuditSealed();
        String sealed = scrape();
        assertEquals(sealed, 0, value(sealed, "apom_audit_entries_waiting"), 0);
        assertEquals(sealed, 0, value(sealed, "apom_audit_oldest_waiting_seconds"), 0);
    }

    @Test
    public void aNationalScrapeTokenReadsTheMetricsAndNothingElse() throws Exception {
        HttpAnswer created = asAdmin().post("/tokens", token("prometheus", null));
        assertEquals(created.toString(), 201, created.status());
        Http scraper = http().with("Authorization", "Bearer " + created.json().get("secret").asText());
        HttpAnswer metrics = scraper.get("/metrics");
        assertEquals(metrics.toString(), 200, metrics.status());
        assertNotNull(value(metrics.body(), "apom_db_pool_max_connections"));
        assertProblem(scraper.get("/volunteers"), 403, "forbidden");
        assertProblem(scraper.get("/users"), 403, "forbidden");

        HttpAnswer provincial = asAdmin().post("/tokens", token("cm prometheus", "50"));
        assertProblem(provincial, 422, "validation");
        assertTrue(provincial.body(), provincial.body().contains("\"code\":\"national-scope\""));
        assertProblem(http().get("/metrics"), 401, "authentication-required");
    }

    private String scrape() throws Exception {
        HttpAnswer answer = asAdmin().get("/metrics");
        assertEquals(answer.toString(), 200, answer.status());
        return answer.body();
    }

    private static String requests(String method, String route, int status) {
        return REQUESTS + "{method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\"}";
    }

    /** How much a counter grew between two scrapes (a series not there yet counts as 0). */
    private static double increase(String before, String after, String series) {
        Double now = value(after, series);
        assertNotNull(series + " is not in\n" + after, now);
        Double then = value(before, series);
        return now - (then == null ? 0 : then);
    }

    /** The value of one series (its name with its labels, as written) in a scrape; null when it is not there. */
    static Double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.valueOf(line.substring(series.length() + 1).strip());
            }
        }
        return null;
    }

    private static String token(String name, String province) {
        return "{\"name\": \"" + name + "\", \"scopes\": [\"metrics:read\"], \"province\": "
                + (province == null ? "null" : "\"" + province + "\"") + ", \"expiresOn\": \""
                + LocalDate.now().plusDays(30) + "\"}";
    }
}
