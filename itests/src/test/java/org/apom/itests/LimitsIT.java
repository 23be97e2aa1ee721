package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The abuse limits, configured low here: a caller over its rate gets 429 with Retry-After, a big body 413. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LimitsIT extends ApomContainerTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Override
    protected List<Option> extraOptions() {
        return List.of(
                editConfigurationFilePut("etc/org.apom.security.limits.cfg", "requestsPerMinute", "20"),
                editConfigurationFilePut("etc/org.apom.security.limits.cfg", "maxBodyBytes", "2048"),
                editConfigurationFilePut("etc/org.apom.security.limits.cfg", "failedLoginsPerMinute", "5"),
                // the tests connect from this host: as a proxy there, they can speak for other addresses
                editConfigurationFilePut("etc/org.apom.security.limits.cfg", "trustedProxies", "127.0.0.1"));
    }

    @Test
    public void aCallerOverItsRateWaitsAndOthersDoNot() throws Exception {
        assertEquals(201, asAdmin().post("/users", "{\"username\": \"busy\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"auditor\"]}").status());
        Http busy = http().as("busy", PASSWORD);
        HttpAnswer limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            HttpAnswer answer = busy.get("/areas/provinces");
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertTrue("no 429 within 30 requests at 20 a minute", limited != null);
        assertProblem(limited, 429, "rate-limited");
        assertTrue(limited.header("Retry-After"), Long.parseLong(limited.header("Retry-After")) >= 1);
        assertEquals("another caller is not slowed down", 200, asAdmin().get("/users/busy").status());
    }

    @Test
    public void twoTokensOfTheSameNameHaveTheirOwnRate() throws Exception {
        String json = "{\"name\": \"same name\", \"scopes\": [\"volunteers:read\"], \"province\": null, "
                + "\"expiresOn\": \"" + java.time.LocalDate.now().plusDays(30) + "\"}";
        Http first = http().with("Authorization", "Bearer " + asAdmin().post("/tokens", json).json().get("secret").asText());
        Http second = http().with("Authorization", "Bearer " + asAdmin().post("/tokens", json).json().get("secret")
                .asText());
        HttpAnswer limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            HttpAnswer answer = first.get("/areas/provinces");
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertTrue("no 429 within 30 requests at 20 a minute", limited != null);
        assertProblem(limited, 429, "rate-limited");
        assertEquals("a token is its id, not its name", 200, second.get("/areas/provinces").status());
    }

    @Test
    public void anAddressThatFailsLoginsWaitsBeforeAnyPasswordIsChecked() throws Exception {
        assertEquals(201, asAdmin().post("/users", "{\"username\": \"guessed\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"auditor\"]}").status());
        Http attacker = http().with("X-Forwarded-For", "198.51.100.23").with("X-Forwarded-Proto", "https");
        for (int i = 0; i < 5; i++) {
            HttpAnswer refused = attacker.copy().as("nobody-" + i, "not the password").get("/areas/provinces");
            assertEquals(refused.toString(), 401, refused.status());
        }
        HttpAnswer limited = attacker.copy().as("guessed", PASSWORD).get("/areas/provinces");
        assertProblem(limited, 429, "rate-limited");
        assertTrue(limited.header("Retry-After"), Long.parseLong(limited.header("Retry-After")) >= 1);
        assertEquals("another address logs in", 200,
                http().with("X-Forwarded-For", "198.51.100.24").with("X-Forwarded-Proto", "https")
                        .as("guessed", PASSWORD).get("/areas/provinces").status());
        for (int i = 0; i < 10; i++) {
            assertEquals("successful logins are not counted", 200, http().as("guessed", PASSWORD)
                    .get("/areas/provinces").status());
        }
    }

    @Test
    public void aPasswordThatAProxySaysCameOverPlainHttpIsRefused() throws Exception {
        assertProblem(http().with("X-Forwarded-For", "198.51.100.30").with("X-Forwarded-Proto", "http")
                .as("admin", Files.readString(adminPasswordFile()).strip()).get("/areas/provinces"), 403,
                "https-required");
    }

    @Test
    public void aBodyOverTheLimitIs413WithOrWithoutALength() throws Exception {
        String big = "{\"username\": \"big\", \"password\": \"" + "x".repeat(3000) + "\", \"roles\": [\"auditor\"]}";
        assertProblem(asAdmin().post("/users", big), 413, "body-too-large");

        // the same body streamed without Content-Length (chunked)
        String password = Files.readString(adminPasswordFile()).strip();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + Integer.getInteger(HTTP_PORT_PROPERTY)
                + "/api/v1/users"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.body(), 413, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("body-too-large"));
        assertEquals(404, asAdmin().get("/users/big").status());
    }
}
