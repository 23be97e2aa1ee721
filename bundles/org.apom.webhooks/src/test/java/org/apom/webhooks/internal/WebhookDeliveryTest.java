package org.apom.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Queueing and sending over a real (in-memory) database and a real HTTP endpoint, with one caller and many. */
class WebhookDeliveryTest {

    private static final Caller CENTRAL = Caller.person("central", Set.of(Role.CENTRAL_ADMIN), null);
    private static final Caller CM_ADMIN = Caller.person("cm-admin", Set.of(Role.PROVINCE_ADMIN),
            ProvinceCode.of("50"));
    private static final Caller CM_OFFICER = Caller.person("cm-officer", Set.of(Role.PROVINCE_OFFICER),
            ProvinceCode.of("50"));

    private TestDatabase db;
    private final Fakes.Feed feed = new Fakes.Feed();
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Fakes.TestClock clock = new Fakes.TestClock();
    private WebhookPolicy policy;
    private WebhookService service;
    private HttpServer endpoint;
    private final AtomicInteger answer = new AtomicInteger(204);
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        db = new TestDatabase("apom-webhooks-test", "META-INF/test-persistence.xml", WebhookService.CHANGELOG);
        WebhooksConfig config = Fakes.config(Map.of("allowedHosts", "127.0.0.1", "allowLoopback", true,
                "retrySchedule", "1s,1s", "maxPerProvince", 3, "timeoutSeconds", 1));
        policy = new WebhookPolicy(config);
        service = new WebhookService(db, Fakes.audit(audited), feed, p -> !p.value().equals("99"), policy, clock);
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        endpoint.createContext("/hook", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("webhook-id") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        endpoint.createContext("/trickle", exchange -> {
            // headers at once, then a body a byte at a time: what would hold a sender for ever
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException cutOff) {
                // the platform hung up: what is wanted
            }
        });
        endpoint.setExecutor(Executors.newFixedThreadPool(8));
        endpoint.start();
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.stop(0);
        db.close();
    }

    private String url() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    }

    private WebhookSender sender() {
        return new WebhookSender(db, policy, Fakes.audit(audited), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build(), clock);
    }

    private WebhookInfo chiangMaiHook(String... types) {
        return service.create(CENTRAL, new NewWebhook(url(), List.of(types), "50", "test", null));
    }

    @Test
    void queuesOnlyItsProvincesChangesOfTheEventsAskedForOnceEach() {
        feed.add("50", "before", "created", 1);
        WebhookInfo hook = chiangMaiHook("volunteer.created", "volunteer.status");
        feed.add("50", "a", "created", 1);
        feed.add("40", "b", "created", 1);
        feed.add("50", "a", "updated", 2);
        feed.add("50", "a", "status", 3);
        WebhookQueue queue = new WebhookQueue(db, feed, clock);
        assertEquals(2, queue.fill());
        assertEquals(0, queue.fill());
        List<DeliveryInfo> log = service.deliveries(CENTRAL, hook.id(), null, PageRequest.of(null, null)).items();
        assertEquals(List.of("volunteer.status", "volunteer.created"), log.stream().map(DeliveryInfo::type).toList());
        log.forEach(d -> assertTrue(d.payload().contains("\"id\":\"a\""), d.payload()));
        assertTrue(audited.contains("webhook.create"));
    }

    @Test
    void twoNodesQueueingAtOnceQueueEveryChangeExactlyOnce() throws Exception {
        WebhookInfo hook = chiangMaiHook("volunteer.created");
        for (int i = 0; i < 300; i++) {
            feed.add("50", "v" + i, "created", 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> nodes = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                WebhookQueue node = new WebhookQueue(db, feed, clock);
                nodes.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        node.fill();
                    }
                    return null;
                }));
            }
            for (Future<?> node : nodes) {
                node.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<DeliveryInfo> log = service.deliveries(CENTRAL, hook.id(), null, PageRequest.of(500, null)).items();
        assertEquals(300, log.size());
        assertEquals(300, log.stream().map(DeliveryInfo::payload).distinct().count());
    }

    @Test
    void manyWorkersSendEveryMessageOnceSignedWithTheSecret() throws Exception {
        WebhookInfo hook = chiangMaiHook("volunteer.created");
        for (int i = 0; i < 100; i++) {
            feed.add("50", "v" + i, "created", 1);
        }
        new WebhookQueue(db, feed, clock).fill();
        WebhookSender sender = sender();
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger doubled = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(pool.submit(() -> {
                    String id;
                    while ((id = sender.claimNext(16)) != null) {
                        if (!claimed.add(id)) {
                            doubled.incrementAndGet();
                        }
                        sender.send(id);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, doubled.get());
        assertEquals(100, received.size());
        assertEquals(100, received.stream().map(r -> r.split(" ")[0]).distinct().count());
        assertEquals(100, service.deliveries(CENTRAL, hook.id(), "DELIVERED", PageRequest.of(500, null)).items()
                .size());
        assertNotNull(service.get(CENTRAL, hook.id()).lastSuccessAt());
    }

    @Test
    void aDeadEndpointIsRetriedOnScheduleThenTheWebhookIsDisabledAndSentAgainOnRequest() {
        answer.set(503);
        WebhookInfo hook = chiangMaiHook("volunteer.created");
        feed.add("50", "a", "created", 1);
        new WebhookQueue(db, feed, clock).fill();
        WebhookSender sender = sender();
        String id = sender.claimNext(1);
        sender.send(id);
        assertNull(sender.claimNext(1), "not due before its wait is over");
        DeliveryInfo once = service.delivery(CENTRAL, hook.id(), id);
        assertEquals("PENDING", once.state());
        assertEquals(Integer.valueOf(503), once.lastStatus());
        assertEquals(clock.now.plusSeconds(1), once.nextAttemptAt());
        for (int retry = 0; retry < 2; retry++) {
            clock.now = clock.now.plusSeconds(1);
            sender.send(sender.claimNext(1));
        }
        DeliveryInfo failed = service.delivery(CENTRAL, hook.id(), id);
        assertEquals("FAILED", failed.state());
        assertEquals(3, failed.attemptLog().size());
        WebhookInfo disabled = service.get(CENTRAL, hook.id());
        assertFalse(disabled.enabled());
        assertTrue(disabled.disabledReason().contains(id), disabled.disabledReason());
        assertTrue(audited.contains("webhook.disable"));

        // a disabled webhook's messages wait, even when asked again, until it is enabled
        answer.set(200);
        service.redeliver(CM_ADMIN, hook.id(), id);
        assertNull(sender.claimNext(1));
        service.change(CM_ADMIN, hook.id(), new WebhookChange(null, null, null, true));
        sender.send(sender.claimNext(1));
        DeliveryInfo delivered = service.delivery(CENTRAL, hook.id(), id);
        assertEquals("DELIVERED", delivered.state());
        assertEquals(4, delivered.attempts());
        assertTrue(service.get(CENTRAL, hook.id()).enabled());
    }

    @Test
    void anEndpointThatTricklesItsAnswerCostsOneTimeoutNotASender() {
        WebhookInfo hook = service.create(CENTRAL, new NewWebhook(url().replace("/hook", "/trickle"),
                List.of("volunteer.created"), "50", null, null));
        feed.add("50", "a", "created", 1);
        new WebhookQueue(db, feed, clock).fill();
        WebhookSender sender = sender();
        long start = System.nanoTime();
        sender.send(sender.claimNext(1));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "held past its deadline");
        DeliveryInfo attempt = service.deliveries(CENTRAL, hook.id(), null, PageRequest.of(null, null)).items().get(0);
        assertEquals("PENDING", attempt.state());
        assertTrue(attempt.lastError().startsWith("no whole answer within 1 s"), attempt.lastError());
    }

    @Test
    void aRefusedTargetIsAFailedAttemptNotARequest() {
        WebhookInfo hook = chiangMaiHook("volunteer.created");
        feed.add("50", "a", "created", 1);
        new WebhookQueue(db, feed, clock).fill();
        // the central admin takes the host off the list after the webhook was registered
        policy.modified(Fakes.config(Map.of("allowedHosts", "hooks.example.go.th", "retrySchedule", "1s")));
        WebhookSender sender = sender();
        sender.send(sender.claimNext(1));
        DeliveryInfo attempt = service.deliveries(CENTRAL, hook.id(), null, PageRequest.of(null, null)).items().get(0);
        assertTrue(attempt.lastError().startsWith("refused: "), attempt.lastError());
        assertTrue(received.isEmpty());
    }

    @Test
    void whoMayManageWhichWebhooks() {
        WebhookInfo own = service.create(CM_ADMIN, new NewWebhook(url(), List.of("volunteer.created"), null, null,
                null));
        assertEquals("50", own.province(), "a province admin's webhook is of their province");
        WebhookInfo national = service.create(CENTRAL, new NewWebhook(url(), List.of("volunteer.created"), null,
                null, null));
        assertNull(national.province());
        assertEquals(403, problem(() -> service.create(CM_ADMIN, new NewWebhook(url(), List.of("volunteer.created"),
                "40", null, null))).status());
        assertEquals(403, problem(() -> service.create(CM_OFFICER, new NewWebhook(url(),
                List.of("volunteer.created"), "50", null, null))).status());
        assertEquals(404, problem(() -> service.get(CM_ADMIN, national.id())).status());
        assertEquals(List.of(own.id()), service.list(CM_ADMIN, PageRequest.of(null, null)).items().stream()
                .map(WebhookInfo::id).toList());
        assertEquals(2, service.list(CENTRAL, PageRequest.of(null, null)).items().size());
        // a token that may manage webhooks but not read volunteers may not be sent their changes
        Caller hooksOnly = Caller.token("token:t", Set.of("webhooks:manage"), ProvinceCode.of("50"));
        assertEquals(403, problem(() -> service.create(hooksOnly, new NewWebhook(url(), List.of("volunteer.created"),
                null, null, null))).status());
        // ...nor take over one that is: its URL decides who is sent the changes, its log holds them
        assertEquals(404, problem(() -> service.change(hooksOnly, own.id(), new WebhookChange("http://127.0.0.1:1/x",
                null, null, null))).status());
        assertEquals(404, problem(() -> service.deliveries(hooksOnly, own.id(), null, PageRequest.of(null, null)))
                .status());
        assertEquals(403, problem(() -> service.list(hooksOnly, PageRequest.of(null, null))).status());
        Caller integrator = Caller.token("token:i", Set.of("webhooks:manage", "volunteers:read"),
                ProvinceCode.of("50"));
        assertEquals(own.id(), service.get(integrator, own.id()).id());
    }

    @Test
    void invalidRegistrationsNameEveryWrongField() {
        ProblemException invalid = problem(() -> service.create(CENTRAL, new NewWebhook("https://evil.example/",
                java.util.Arrays.asList("volunteer.created", null, "volunteer.everything"), "99", "x".repeat(201),
                "not a cursor!")));
        assertEquals(422, invalid.status());
        Set<String> wrong = new HashSet<>();
        invalid.errors().forEach(e -> wrong.add(e.field() + "/" + e.code()));
        assertEquals(Set.of("url/host-not-allowed", "types/unknown-type", "province/unknown-province",
                "description/length", "after/cursor"), wrong);
        assertEquals(0, service.list(CENTRAL, PageRequest.of(null, null)).items().size());
    }

    @Test
    void aProvinceHasAtMostTheAllowedNumberOfWebhooks() {
        for (int i = 0; i < 3; i++) {
            chiangMaiHook("volunteer.created");
        }
        ProblemException tooMany = problem(() -> chiangMaiHook("volunteer.created"));
        assertEquals(409, tooMany.status());
        assertEquals("too-many-webhooks", tooMany.code());
        // another province's count is its own
        service.create(CENTRAL, new NewWebhook(url(), List.of("volunteer.created"), "40", null, null));
    }

    @Test
    void deletingRemovesTheLog() {
        WebhookInfo hook = chiangMaiHook("volunteer.created");
        feed.add("50", "a", "created", 1);
        new WebhookQueue(db, feed, clock).fill();
        service.delete(CENTRAL, hook.id());
        assertEquals(404, problem(() -> service.get(CENTRAL, hook.id())).status());
        long left = db.txExpr(em -> em.createQuery("SELECT COUNT(d) FROM DeliveryEntity d", Long.class)
                .getSingleResult());
        assertEquals(0, left);
        assertTrue(audited.contains("webhook.delete"));
    }

    private static ProblemException problem(Runnable call) {
        return assertThrows(ProblemException.class, call::run);
    }
}
