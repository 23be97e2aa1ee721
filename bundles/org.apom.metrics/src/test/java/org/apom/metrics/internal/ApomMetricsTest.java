package org.apom.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apom.persistence.api.DatabasePool;
import org.apom.persistence.api.PoolState;
import org.apom.registry.api.ImportActivity;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.Test;

class ApomMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private final ApomMetrics metrics = new ApomMetrics(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void requestsAreCountedByMethodRouteAndStatusInPrometheusBuckets() throws Exception {
        metrics.requestServed("GET", "/volunteers/{id}", 200, 250_000_000L);
        metrics.requestServed("GET", "/volunteers/{id}", 200, 500_000_000L);
        metrics.requestServed("GET", "/volunteers/{id}", 404, 1_000_000L);
        metrics.requestServed("GET", RouteTemplates.UNMATCHED, 404, 1_000_000L);
        String text = scrape();
        assertTrue(text.contains("# TYPE http_server_requests_seconds histogram"), text);
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"/volunteers/{id}\",status=\"200\"} 2\n"), text);
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"/volunteers/{id}\",status=\"404\"} 1\n"), text);
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"UNMATCHED\",status=\"404\"} 1\n"), text);
        // the classic Prometheus buckets, 5 ms to 10 s, each counting the requests at most that long
        assertTrue(text.contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/volunteers/{id}\","
                + "status=\"200\",le=\"0.005\"} 0\n"), text);
        assertTrue(text.contains("status=\"200\",le=\"0.1\"} 0\n"), text);
        assertTrue(text.contains("status=\"200\",le=\"0.25\"} 1\n"), text);
        assertTrue(text.contains("status=\"200\",le=\"0.5\"} 2\n"), text);
        assertTrue(text.contains("status=\"200\",le=\"10.0\"} 2\n"), text);
        assertTrue(text.contains("status=\"200\",le=\"+Inf\"} 2\n"), text);
        assertTrue(text.contains("http_server_requests_seconds_sum{method=\"GET\",route=\"/volunteers/{id}\","
                + "status=\"200\"} 0.75\n"), text);
    }

    @Test
    void gaugesReadThePoolTheAuditSequencerAndTheImportsAtEachScrape() throws Exception {
        metrics.pool = pool(new PoolState("Apache Derby", 3, 5, 2, 8, 2000, 7));
        metrics.audit = audit(new AuditSealing(4, NOW.minusMillis(1500), NOW, null, null));
        metrics.imports = imports(new ImportActivity(1, 2));
        String text = scrape();
        assertTrue(text.contains("apom_db_pool_active_connections 3.0\n"), text);
        assertTrue(text.contains("apom_db_pool_idle_connections 5.0\n"), text);
        assertTrue(text.contains("apom_db_pool_waiting_callers 2.0\n"), text);
        assertTrue(text.contains("apom_db_pool_max_connections 8.0\n"), text);
        assertTrue(text.contains("# TYPE apom_db_pool_refused_total counter\napom_db_pool_refused_total 7.0\n"), text);
        assertTrue(text.contains("apom_audit_entries_waiting 4.0\n"), text);
        assertTrue(text.contains("apom_audit_oldest_waiting_seconds 1.5\n"), text);
        assertTrue(text.contains("apom_imports_running 1.0\n"), text);
        assertTrue(text.contains("apom_imports_queued 2.0\n"), text);

        metrics.audit = audit(new AuditSealing(0, null, NOW, null, null));
        assertTrue(scrape().contains("apom_audit_oldest_waiting_seconds 0.0\n"));
    }

    @Test
    void aMissingOrFailingServiceLeavesOnlyItsOwnGaugesOut() throws Exception {
        metrics.imports = imports(new ImportActivity(0, 0));
        metrics.audit = Fake.of(AuditTrail.class, Map.of("sealing", args -> {
            throw new IllegalStateException("sequencer stopped");
        }));
        metrics.requestServed("GET", "/health", 200, 1_000_000L);
        String text = scrape();
        assertFalse(text.contains("apom_db_pool_active_connections "), text);
        assertFalse(text.contains("apom_audit_entries_waiting "), text);
        assertTrue(text.contains("apom_imports_running 0.0\n"), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 1"),
                text);
    }

    @Test
    void theAuditStateIsReadAsTheNodeItself() throws Exception {
        Caller[] asked = new Caller[1];
        metrics.audit = Fake.of(AuditTrail.class, Map.of("sealing", args -> {
            asked[0] = (Caller) args[0];
            return new AuditSealing(0, null, null, null, null);
        }));
        scrape();
        assertTrue(asked[0].has(Role.CENTRAL_ADMIN), asked[0].toString());
        assertEquals(Caller.Kind.SYSTEM, asked[0].kind());
    }

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static DatabasePool pool(PoolState state) {
        return () -> state;
    }

    static AuditTrail audit(AuditSealing sealing) {
        return Fake.of(AuditTrail.class, Map.of("sealing", args -> sealing));
    }

    static VolunteerFiles imports(ImportActivity activity) {
        return Fake.of(VolunteerFiles.class, Map.of("activity", args -> activity));
    }
}
