package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        try (Receiver receiver = new Receiver(n -> 204)) {
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
                            assertEquals(200, admin.get("/webhooks/" + webhook.get("id").asText()
                                    + "/deliveries?limit=5").status());
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
            Map<String, String> byEvent = receiver.awaitEvents(expected.size(), secret);
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
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        try (Receiver flaky = new Receiver(n -> n <= 2 ? 500 : 200, tries)) {
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
            assertEquals(3, tries.get(failed).get());
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

        // a province's token with webhooks:manage but not volunteers:read may not be sent the register's changes
        String token = admin.post("/tokens", "{\"name\": \"hooks only\", \"scopes\": [\"webhooks:manage\"], "
                + "\"province\": \"50\", \"expiresOn\": \"" + java.time.LocalDate.now().plusDays(30) + "\"}").json()
                .get("secret").asText();
        Http hooksOnly = http().with("Authorization", "Bearer " + token);
        assertProblem(hooksOnly.post("/webhooks", body("http://127.0.0.1:9/x", "\"volunteer.created\"", null)), 403,
                "forbidden");
        // ...but manages its province's webhooks, and sees none of the whole country, not even by its id
        assertEquals(200, hooksOnly.get("/webhooks/" + hook).status());
        HttpAnswer national = admin.post("/webhooks", body("http://127.0.0.1:9/all", "\"volunteer.created\"", null));
        assertEquals(national.toString(), 201, national.status());
        assertTrue(national.json().get("province").isNull());
        assertProblem(hooksOnly.get("/webhooks/" + national.json().get("id").asText()), 404, "not-found");
        JsonNode visible = hooksOnly.get("/webhooks?limit=500").json().get("items");
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

    /** An integrator's endpoint: checks each message's signature and keeps what it took. */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final ConcurrentLinkedQueue<String[]> taken = new ConcurrentLinkedQueue<>();

        Receiver(IntUnaryOperator answerToTry) throws IOException {
            this(answerToTry, new ConcurrentHashMap<>());
        }

        /** {@code answerToTry}: the status for a message's n-th attempt (1 first). */
        Receiver(IntUnaryOperator answerToTry, Map<String, AtomicInteger> tries) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                int status = answerToTry.applyAsInt(tries.computeIfAbsent(id, k -> new AtomicInteger())
                        .incrementAndGet());
                if (status / 100 == 2) {
                    taken.add(new String[] {id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            new String(body, StandardCharsets.UTF_8)});
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<JsonNode> bodies() throws IOException {
            List<JsonNode> bodies = new ArrayList<>();
            for (String[] message : taken) {
                bodies.add(JSON.readTree(message[3]));
            }
            return bodies;
        }

        /**
         * Waits for {@code count} distinct events, verifying every message; answers event ("id type version") to
         * message id. A message taken twice (at least once delivery) must be the same message.
         */
        Map<String, String> awaitEvents(int count, String secret) throws Exception {
            Map<String, String> byEvent = new HashMap<>();
            for (int i = 0; i < 1800; i++) {
                byEvent.clear();
                for (String[] message : taken) {
                    assertEquals("signature of " + message[0], sign(secret, message[0], message[1], message[3]),
                            message[2]);
                    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(message[1])) < 300);
                    JsonNode body = JSON.readTree(message[3]);
                    String event = body.at("/data/id").asText() + " " + body.get("type").asText() + " "
                            + body.at("/data/version").asText();
                    String before = byEvent.put(event, message[0]);
                    assertTrue("two messages for " + event, before == null || before.equals(message[0]));
                }
                if (byEvent.size() >= count) {
                    return byEvent;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("3 minutes and " + byEvent.size() + " of " + count + " events arrived");
        }

        /** As a receiver verifies, written from the Standard Webhooks specification, not from the platform. */
        private static String sign(String secret, String id, String timestamp, String body) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
