package org.apom.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.apom.security.api.CallerPrincipal;
import org.apom.security.api.Role;
import org.junit.jupiter.api.Test;

class MetricsResourceTest {

    private static final ProvinceCode CHIANG_MAI = ProvinceCode.of("50");

    private final ApomMetrics metrics = new ApomMetrics();
    private final MetricsResource resource = new MetricsResource(metrics);

    @Test
    void centralAdminsAndNationalScrapeTokensReadTheMetrics() throws Exception {
        metrics.requestServed("GET", "/health", 200, 1_000_000L);
        for (Caller allowed : new Caller[] {Caller.person("admin", Set.of(Role.CENTRAL_ADMIN), null),
                Caller.token("prometheus", Set.of("metrics:read"), null)}) {
            Response answer = resource.metrics(as(allowed));
            assertEquals(200, answer.getStatus());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", answer.getHeaderString("Content-Type"));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ((StreamingOutput) answer.getEntity()).write(body);
            assertTrue(body.toString(StandardCharsets.UTF_8).contains(
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 1"));
        }
    }

    @Test
    void everyoneElseIsForbiddenAndAnonymousCallersMustLogIn() {
        for (Caller refused : new Caller[] {
                Caller.person("cm-admin", Set.of(Role.PROVINCE_ADMIN), CHIANG_MAI),
                Caller.person("cm-officer", Set.of(Role.PROVINCE_OFFICER), CHIANG_MAI),
                Caller.person("auditor", Set.of(Role.AUDITOR), null),
                Caller.token("dashboard", Set.of("volunteers:read"), null),
                // the token service never makes one, but a province's token with the scope still reaches nothing
                Caller.token("cm-scraper", Set.of("metrics:read"), CHIANG_MAI)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> resource.metrics(as(refused)));
            assertEquals(403, e.status(), refused.name());
            assertEquals("forbidden", e.code());
        }
        assertEquals(401, assertThrows(ProblemException.class, () -> resource.metrics(as(null))).status());
    }

    private static SecurityContext as(Caller caller) {
        Principal principal = caller == null ? null : Fake.of(CallerPrincipal.class, Map.of(
                "caller", args -> caller, "getName", args -> caller.name()));
        return Fake.of(SecurityContext.class, Map.of("getUserPrincipal", args -> principal));
    }
}
