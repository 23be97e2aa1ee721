package org.apom.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's webhook endpoint on this machine: answers each attempt as the test says, and keeps the messages
 * it took, which {@link #awaitEvents} checks as a receiver would (the signature, the timestamp, one message id per
 * change).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Message> taken = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    /** One message as it arrived. */
    public record Message(String id, String timestamp, String signature, String body) {
    }

    /** Takes every message at once. */
    public WebhookReceiver() throws IOException {
        this(attempt -> 204);
    }

    /** @param answerToAttempt the status to answer a message's n-th attempt with (the first is 1) */
    public WebhookReceiver(IntUnaryOperator answerToAttempt) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int status = answerToAttempt.applyAsInt(tries.computeIfAbsent(id, k -> new AtomicInteger())
                    .incrementAndGet());
            if (status / 100 == 2) {
                taken.add(new Message(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How many attempts of the message with this id reached this endpoint. */
    public int attempts(String messageId) {
        AtomicInteger n = tries.get(messageId);
        return n == null ? 0 : n.get();
    }

    public List<JsonNode> bodies() throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (Message message : taken) {
            bodies.add(JSON.readTree(message.body()));
        }
        return bodies;
    }

    /**
     * Waits up to {@code minutes} for {@code count} distinct changes, checking every message taken; answers each
     * change ({@code "<record id> <type> <version>"}) with the id of its message. A message taken twice (delivery is
     * at least once) must be the same message, never a second one for the same change.
     */
    public Map<String, String> awaitEvents(int count, String secret, int minutes) throws Exception {
        Map<String, String> byEvent = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (System.nanoTime() < deadline) {
            byEvent.clear();
            for (Message message : taken) {
                assertEquals("signature of " + message.id(), sign(secret, message.id(), message.timestamp(),
                        message.body()), message.signature());
                assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(message.timestamp())) < 300);
                JsonNode body = JSON.readTree(message.body());
                String event = body.at("/data/id").asText() + " " + body.get("type").asText() + " "
                        + body.at("/data/version").asText();
                String before = byEvent.put(event, message.id());
                assertTrue("two messages for " + event, before == null || before.equals(message.id()));
            }
            if (byEvent.size() >= count) {
                return byEvent;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(minutes + " minutes, and " + byEvent.size() + " of " + count + " changes arrived");
    }

    /** As a receiver verifies, written from the Standard Webhooks specification, not from the platform's code. */
    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
