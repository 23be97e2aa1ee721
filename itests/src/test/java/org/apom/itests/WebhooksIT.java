package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;


import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.WebhookReceiver;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Webhooks as an integrator meets them, received by HTTP servers of the test's own: every change of the webhook's
 * province arrives, signed as Standard Webhooks says, none of another province and none queued twice, while many
 * writers work at once; an endpoint that fails is retried, then the webhook disabled; a message is sent again on
 * request; and what it may not reach is refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebhooksIT extends ApomContainerTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger(770_000);

    @Override
    protected List<Option> extraOptions() {
        String cfg = "etc/org.apom.webhooks.cfg";
        // seconds instead of a day, so that a test sees the schedule end
        return List.of(editConfigurationFilePut(cfg, "retrySchedule", "1s,1s,1s"),
                editConfigurationFilePut(cfg, "timeoutSeconds", "3"),
                editConfigurationFilePut(cfg, "pollMillis", "200"));
    }

    @Test
    public void everyChangeOfItsProvinceArrivesSignedOnceWhileManyWrite() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpAnswer created = asAdmin().post("/webhooks", "{\"url\": \"" + receiver.url() + "\", \"types\": ["
                    + "\"volunteer.created\", \"volunteer.updated\", \"volunteer.status\"], \"province\": \"50\", "
                    + "\"description\": \"mirror of Chiang Mai\"}");
            assertEquals(created.toString(), 201, created.status());
            JsonNode webhook = created.json();
            String secret = webhook.get("secret").asText();
            assertTrue(secret, secret.startsWith("whsec_"));
            assertTrue(created.header("Location").endsWith("/webhooks/" + webhook.get("id").asText()));
            assertTrue(asAdmin().get("/webhooks/" + webhook.get("id").asText()).json().get("secret").isNull());

            Set<String> chiangMai = ConcurrentHashMap.newKeySet();
            Set<String> khonKaen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 12; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        Http admin = asAdmin();
                        for (int i = 0; i < 5; i++) {
                            boolean own = (writer + i) % 2 == 0;
                            String id = registerAndEdit(admin, own ? "50" : "40");
                            (own ? chiangMai : khonKaen).add(id);
                            // readers too: the webhook's list and log are read while it sends
                            HttpAnswer log = admin.get("/webhooks/" + webhook.get("id").asText()
                                    + "/deliveries?limit=5");
                            assertEquals(log.toString(), 200, log.status());
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            // each of province 50's records: created at version 1, then updated at version 2
            Set<String> expected = new HashSet<>();
            chiangMai.forEach(id -> {
                expected.add(id + " volunteer.created 1");
                expected.add(id + " volunteer.updated 2");
            });
            Map<String, String> byEvent = receiver.awaitEvents(expected.size(), secret, 3);
            assertEquals(expected, byEvent.keySet());
            // none of province 40's records, and no change queued under two message ids
            assertEquals(new HashSet<>(byEvent.values()).size(), byEvent.size());
            for (JsonNode body : receiver.bodies()) {
                assertFalse(body.toString(), khonKaen.contains(body.at("/data/id").asText()));
                assertEquals("50", body.at("/data/province").asText());
                assertTrue(body.at("/data/cursor").asText().length() > 0);
            }
            JsonNode log = asAdmin().get("/webhooks/" + webhook.get("id").asText() + "/deliveries?limit=500").json();
            assertEquals(expected.size(), log.get("items").size());
            log.get("items").forEach(d -> assertEquals(d.toString(), "DELIVERED", d.get("state").asText()));
            assertNotNull(asAdmin().get("/webhooks/" + webhook.get("id").asText()).json().get("lastSuccessAt")
                    .textValue());
        }
    }

    @Test
    public void aFailingEndpointIsRetriedThenDisabledAndAMessageSentAgainOnRequest() throws Exception {
        // answers 500 to every message's first two attempts, then takes it
        try (WebhookReceiver flaky = new WebhookReceiver(n -> n <= 2 ? 500 : 200)) {
            String deadUrl = "http://127.0.0.1:" + closedPort() + "/gone";
            String flakyHook = create(flaky.url());
            String deadHook = create(deadUrl);
            registerAndEdit(asAdmin(), "50");

            String delivered = awaitDelivery(flakyHook, "DELIVERED");
            JsonNode message = asAdmin().get("/webhooks/" + flakyHook + "/deliveries/" + delivered).json();
            assertEquals(message.toString(), 3, message.get("attempts").asInt());
            List<Integer> statuses = new ArrayList<>();
            message.get("attemptLog").forEach(a -> statuses.add(a.get("status").asInt()));
            assertEquals(List.of(500, 500, 200), statuses);

            // the dead endpoint: the first attempt and three retries fail, and nothing ever got through
            String failed = awaitDelivery(deadHook, "FAILED");
            JsonNode dead = asAdmin().get("/webhooks/" + deadHook + "/deliveries/" + failed).json();
            assertEquals(dead.toString(), 4, dead.get("attempts").asInt());
            assertTrue(dead.toString(), dead.get("attemptLog").get(0).get("status").isNull());
            JsonNode disabled = await(() -> asAdmin().get("/webhooks/" + deadHook).json(),
                    w -> !w.get("enabled").asBoolean());
            assertTrue(disabled.toString(), disabled.get("disabledReason").asText().contains(failed));
            assertNotNull(disabled.get("failingSince").textValue());

            // pointed at a working endpoint, enabled, and the failed message sent again: same id, same body
            HttpAnswer fixed = asAdmin().send("PATCH", "/webhooks/" + deadHook, "application/merge-patch+json",
                    "{\"url\": \"" + flaky.url() + "\", \"enabled\": true}");
            assertEquals(fixed.toString(), 200, fixed.status());
            HttpAnswer again = asAdmin().send("POST", "/webhooks/" + deadHook + "/deliveries/" + failed
                    + "/redeliver", null, null);
            assertEquals(again.toString(), 202, again.status());
            assertEquals("PENDING", again.json().get("state").asText());
            awaitDelivery(deadHook, "DELIVERED");
            assertEquals(7, asAdmin().get("/webhooks/" + deadHook + "/deliveries/" + failed).json().get("attempts")
                    .asInt());
            assertEquals(3, flaky.attempts(failed));
        }
    }

    @Test
    public void whatAWebhookMayNotReachOrWhoMayNotAskIsRefused() throws Exception {
        Http admin = asAdmin();
        assertField(admin.post("/webhooks", body("https://evil.example/hook", "\"volunteer.created\"", null)),
                "url", "host-not-allowed");
        assertField(admin.post("/webhooks", body("http://169.254.169.254/latest/meta-data", "\"volunteer.created\"",
                null)), "url", "host-not-allowed");
        assertField(admin.post("/webhooks", body("ftp://127.0.0.1/x", "\"volunteer.created\"", null)), "url", "url");
        assertField(admin.post("/webhooks", body("http://user:pw@127.0.0.1/x", "\"volunteer.created\"", null)),
                "url", "url");
        assertField(admin.post("/webhooks", body("http://127.0.0.1/x", "\"volunteer.everything\"", null)),
                "types", "unknown-type");
        assertField(admin.post("/webhooks", body("http://127.0.0.1/x", "null", null)), "types", "unknown-type");
        assertField(admin.post("/webhooks", "{\"url\": \"http://127.0.0.1/x\"}"), "types", "required");
        assertField(admin.post("/webhooks", body("http://127.0.0.1/x", "\"volunteer.created\"", "\"99\"")),
                "province", "unknown-province");
        assertField(admin.post("/webhooks", body("http://127.0.0.1/x", "\"volunteer.created\"", "\"5\"")),
                "province", "area-code");
        assertField(admin.post("/webhooks", "{\"url\": \"http://127.0.0.1/x\", \"types\": [\"volunteer.created\"], "
                + "\"after\": \"" + Base64.getUrlEncoder().withoutPadding().encodeToString("999999999".getBytes(
                        StandardCharsets.UTF_8)) + "\"}"), "after", "cursor");
        assertProblem(admin.post("/webhooks", "{\"url\": \"http://127.0.0.1/x\", \"types\": [\"volunteer.created\"],"
                + " \"secret\": \"mine\"}"), 400, "unknown-field");
        assertProblem(admin.post("/webhooks", "not json"), 400, "malformed-json");
        assertProblem(admin.get("/webhooks/wh_nope"), 404, "not-found");
        assertProblem(admin.get("/webhooks?limit=0"), 400, "invalid-parameter");
        String hook = create("http://127.0.0.1:9/x");
        assertProblem(admin.get("/webhooks/" + hook + "/deliveries?state=LOST"), 400, "invalid-parameter");
        assertProblem(admin.get("/webhooks/" + hook + "/deliveries/msg_nope"), 404, "not-found");
        assertProblem(admin.send("PATCH", "/webhooks/" + hook, "application/merge-patch+json",
                "{\"url\": \"https://evil.example/\"}"), 422, "validation");
        assertEquals("http://127.0.0.1:9/x", admin.get("/webhooks/" + hook).json().get("url").asText());

        // a province's token with webhooks:manage but not volunteers:read may not be sent the register's changes,
        // nor take over a webhook that is (its URL, its log)
        Http hooksOnly = token(admin, "\"webhooks:manage\"");
        assertProblem(hooksOnly.post("/webhooks", body("http://127.0.0.1:9/x", "\"volunteer.created\"", null)), 403,
                "forbidden");
        assertProblem(hooksOnly.get("/webhooks/" + hook), 404, "not-found");
        assertProblem(hooksOnly.send("PATCH", "/webhooks/" + hook, "application/merge-patch+json",
                "{\"url\": \"http://127.0.0.1:9/mine\"}"), 404, "not-found");
        assertProblem(hooksOnly.get("/webhooks"), 403, "forbidden");
        // with volunteers:read it manages its province's webhooks, and sees none of the whole country, not by id
        Http integrator = token(admin, "\"webhooks:manage\", \"volunteers:read\"");
        assertEquals(200, integrator.get("/webhooks/" + hook).status());
        HttpAnswer national = admin.post("/webhooks", body("http://127.0.0.1:9/all", "\"volunteer.created\"", null));
        assertEquals(national.toString(), 201, national.status());
        assertTrue(national.json().get("province").isNull());
        assertProblem(integrator.get("/webhooks/" + national.json().get("id").asText()), 404, "not-found");
        JsonNode visible = integrator.get("/webhooks?limit=500").json().get("items");
        assertTrue(visible.size() > 0);
        visible.forEach(w -> assertEquals("50", w.get("province").asText()));

        // deleting takes the log with it, and the audit trail keeps what it was, never the secret
        assertEquals(204, admin.send("DELETE", "/webhooks/" + hook, null, null).status());
        assertProblem(admin.get("/webhooks/" + hook), 404, "not-found");
        awaitAuditSealed();
        JsonNode trail = admin.get("/audit?entity=webhook&id=" + hook).json().get("items");
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("webhook.create", "webhook.delete"), actions);
        assertFalse(trail.toString(), trail.toString().contains("whsec_"));
    }

    /** A client with a token of province 50 that carries these scopes. */
    private Http token(Http admin, String scopes) throws Exception {
        String secret = admin.post("/tokens", "{\"name\": \"hooks\", \"scopes\": [" + scopes + "], \"province\": "
                + "\"50\", \"expiresOn\": \"" + java.time.LocalDate.now().plusDays(30) + "\"}").json().get("secret")
                .asText();
        return http().with("Authorization", "Bearer " + secret);
    }

    private static void assertField(HttpAnswer answer, String field, String code) {
        assertProblem(answer, 422, "validation");
        for (JsonNode error : answer.json().get("errors")) {
            if (error.get("field").asText().equals(field) && error.get("code").asText().equals(code)) {
                return;
            }
        }
        throw new AssertionError("no error " + field + "/" + code + " in " + answer);
    }

    private static String body(String url, String types, String province) {
        return "{\"url\": \"" + url + "\", \"types\": [" + types + "]" + (province == null ? ""
                : ", \"province\": " + province) + "}";
    }

    private String create(String url) throws Exception {
        HttpAnswer created = asAdmin().post("/webhooks", body(url, "\"volunteer.created\"", "\"50\""));
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }

    /** Registers a record and changes a name: two changes, versions 1 and 2; its id. */
    private static String registerAndEdit(Http admin, String province) throws Exception {
        HttpAnswer created = admin.post("/volunteers", AccessMatrixIT.volunteerJson(province,
                AccessMatrixIT.nationalId(UNIQUE.incrementAndGet())));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        HttpAnswer changed = admin.copy().with("If-Match", created.header("ETag"))
                .send("PATCH", "/volunteers/" + id, "application/merge-patch+json", "{\"firstNameEn\": \"Hook\"}");
        assertEquals(changed.toString(), 200, changed.status());
        return id;
    }

    private String awaitDelivery(String webhook, String state) throws Exception {
        JsonNode found = await(() -> asAdmin().get("/webhooks/" + webhook + "/deliveries?state=" + state).json()
                .get("items"), items -> items.size() > 0);
        return found.get(0).get("id").asText();
    }

    private interface Read {
        JsonNode read() throws Exception;
    }

    private static JsonNode await(Read read, java.util.function.Predicate<JsonNode> done) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 1200; i++) {
            last = read.read();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited two minutes; last: " + last);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
