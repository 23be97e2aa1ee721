import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of benchmarks/webhooks.sh (run as a source file: java WebhookBench.java URL PASSWORD FILE).
 * Registers a webhook of every province to a receiver of its own, pauses it, imports FILE, and once the import's
 * changes are sealed reads them from the change feed (the baseline: what polling gets), then enables the webhook
 * and times until the receiver has one message per imported record. Prints: deliveries/s, messages, feed rows/s,
 * changes read, and attempts the receiver saw (more than messages when some were repeated).
 */
public final class WebhookBench {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static String auth;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/v1";
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        Path file = Path.of(args[2]);

        Set<String> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            attempts.incrementAndGet();
            taken.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.start();

        String hook = ok(send("POST", "/webhooks", "application/json", "{\"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\", \"types\": [\"volunteer.created\"]}"), 201);
        String id = field(hook, "id");
        String from = field(hook, "cursor");
        ok(send("PATCH", "/webhooks/" + id, "application/merge-patch+json", "{\"enabled\": false}"), 200);

        String started = ok(CLIENT.send(request("/volunteers/imports", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))).build(),
                HttpResponse.BodyHandlers.ofString()), 202);
        String report;
        do {
            Thread.sleep(500);
            report = ok(send("GET", "/volunteers/imports/" + field(started, "id"), null, null), 200);
        } while (!field(report, "status").equals("DONE") && !field(report, "status").equals("FAILED"));
        int accepted = Integer.parseInt(number(report, "accepted"));
        Pattern waiting = Pattern.compile("\"audit\":\\{\"status\":\"[A-Z]+\",\"details\":\\{[^}]*\"waiting\":(\\d+)");
        Matcher m;
        do {
            Thread.sleep(500);
            m = waiting.matcher(send("GET", "/health", null, null).body());
        } while (!m.find() || !m.group(1).equals("0"));

        // the baseline: the same changes read from the feed by one client, as polling would
        long start = System.nanoTime();
        long changes = 0;
        String after = from;
        while (true) {
            String page = ok(send("GET", "/changes?limit=500&after=" + after, null, null), 200);
            int n = count(page, "\"cursor\":");
            if (n == 0) {
                break;
            }
            changes += n;
            after = field(page, "nextCursor");
        }
        double feed = changes / ((System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        ok(send("PATCH", "/webhooks/" + id, "application/merge-patch+json", "{\"enabled\": true}"), 200);
        long deadline = start + Duration.ofMinutes(60).toNanos();
        while (taken.size() < accepted && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double delivered = taken.size() / ((System.nanoTime() - start) / 1e9);
        receiver.stop(0);
        System.out.printf("%.1f %d %.1f %d %d%n", delivered, taken.size(), feed, changes, attempts.get());
        System.exit(taken.size() == accepted ? 0 : 1);
    }

    private static String ok(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = request(path, type).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth);
        return type == null ? b : b.header("Content-Type", type);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "0";
    }
}
