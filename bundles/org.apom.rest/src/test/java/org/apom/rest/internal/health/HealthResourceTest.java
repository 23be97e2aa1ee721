package org.apom.rest.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.rest.internal.health.HealthJson.ComponentJson;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    @Test
    void aNodeWhoseDatabaseNobodyReportsIsDown() {
        Map<String, ComponentJson> parts = ReadinessChecks.of(List.of(check("audit", Readiness.up(Map.of()))));
        assertEquals("DOWN", parts.get("database").status());
        assertEquals("UP", parts.get("audit").status());
    }

    @Test
    void eachPartSaysWhyItIsDownAndAFailingCheckIsDown() {
        ReadinessCheck broken = new ReadinessCheck() {
            @Override
            public String name() {
                return "register";
            }

            @Override
            public Readiness check() {
                throw new IllegalStateException("probe thread gone");
            }
        };
        Map<String, ComponentJson> parts = ReadinessChecks.of(List.of(
                check("database", Readiness.down("every connection in use", Map.of("waiting", 3))), broken));
        assertEquals("DOWN", parts.get("database").status());
        assertEquals("every connection in use", parts.get("database").details().get("error"));
        assertEquals(3, parts.get("database").details().get("waiting"));
        assertEquals("DOWN", parts.get("register").status());
        String error = parts.get("register").details().get("error").toString();
        assertTrue(error.contains("IllegalStateException"), error);
        assertTrue(!error.contains("probe thread gone"), "health is public: the kind of failure, not its message");
    }

    private static ReadinessCheck check(String name, Readiness answer) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Readiness check() {
                return answer;
            }
        };
    }
}
