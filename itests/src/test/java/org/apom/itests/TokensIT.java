package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** An integrator token's whole life over HTTP: created, used, limited to its scopes, revoked. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TokensIT extends ApomContainerTest {

    @Test
    public void aTokenIsShownOnceWorksWithinItsScopesAndDiesWhenRevoked() throws Exception {
        String body = "{\"name\": \"provincial dashboard\", \"scopes\": [\"volunteers:read\"], \"province\": \"50\", "
                + "\"expiresOn\": \"" + LocalDate.now().plusDays(90) + "\"}";
        HttpAnswer created = asAdmin().post("/tokens", body);
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("Cache-Control"), created.header("Cache-Control").contains("no-store"));
        JsonNode token = created.json();
        String secret = token.get("secret").asText();
        assertTrue(secret, secret.startsWith("apom_"));
        assertTrue(created.header("Location").endsWith("/tokens/" + token.get("id").asText()));

        for (JsonNode listed : asAdmin().get("/tokens").json().get("items")) {
            assertTrue("a listed token never shows its secret", listed.get("secret").isNull());
        }

        Http integrator = http().with("Authorization", "Bearer " + secret);
        assertEquals(200, integrator.get("/areas/provinces").status());
        assertProblem(integrator.get("/users"), 403, "forbidden");
        assertProblem(integrator.post("/tokens", body), 403, "forbidden");

        assertEquals(204, asAdmin().send("DELETE", "/tokens/" + token.get("id").asText(), null, null).status());
        assertProblem(integrator.get("/areas/provinces"), 401, "token-revoked");
        assertFalse(asAdmin().get("/tokens").json().get("items").get(0).get("revokedAt").isNull());
    }

    @Test
    public void malformedAndUnknownTokensAre401() throws Exception {
        assertProblem(http().with("Authorization", "Bearer ").get("/areas/provinces"), 401, "malformed-authorization");
        assertProblem(http().with("Authorization", "Bearer not-a-token").get("/areas/provinces"), 401, "invalid-token");
        assertProblem(http().with("Authorization", "Bearer apom_" + "A".repeat(43)).get("/areas/provinces"), 401,
                "invalid-token");
    }

    @Test
    public void badTokenRequestsAre422WithEveryField() throws Exception {
        HttpAnswer bad = asAdmin().post("/tokens", "{\"name\": \"\", \"scopes\": [\"everything\"], "
                + "\"province\": \"5\", \"expiresOn\": \"yesterday\"}");
        assertProblem(bad, 422, "validation");
        for (String field : new String[] {"name", "scopes", "province", "expiresOn"}) {
            assertTrue(bad.body(), bad.body().contains("\"field\":\"" + field + "\""));
        }
        assertProblem(asAdmin().send("DELETE", "/tokens/no-such-token", null, null), 404, "not-found");
    }
}
