import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of extension-swap.sh: installs Chiang Mai's extension, measures the summary's latency with no
 * swap (the baseline), then swaps between its two editions while clients poll the core API and the summary.
 * Args: url password swaps jar-1.0.0 jar-1.1.0
 */
public class SwapBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String auth;
    static String api;

    public static void main(String[] args) throws Exception {
        api = args[0] + "/api/v1";
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int swaps = Integer.parseInt(args[2]);
        byte[][] editions = {Files.readAllBytes(Path.of(args[3])), Files.readAllBytes(Path.of(args[4]))};
        String[] versions = {"1.0.0", "1.1.0"};
        for (int i = 0; i < 20; i++) {
            send("POST", "/volunteers", "application/json", ("{\"nationalId\": \"" + nationalId(800_000 + i)
                    + "\", \"title\": \"นาย\", \"firstName\": \"ทดสอบ\", \"lastName\": \"สลับรุ่น\", "
                    + "\"birthDate\": \"1980-01-01\", \"gender\": \"MALE\", \"subdistrictCode\": \"500101\", "
                    + "\"phone\": \"053123456\"}").getBytes(StandardCharsets.UTF_8));
        }
        check(send("POST", "/extensions", "application/java-archive", editions[0]), 201);
        waitForVersion(versions[0]);

        List<Long> idle = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            check(get("/ext/50/summary"), 200);
            idle.add(System.nanoTime() - start);
        }
        double baseline = percentile(idle, 50) / 1e6;

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lastOk = new AtomicLong(System.nanoTime());
        AtomicLong longestGap = new AtomicLong();
        AtomicInteger extRequests = new AtomicInteger(), extFailed = new AtomicInteger();
        AtomicInteger coreRequests = new AtomicInteger(), coreFailed = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        clients.add(new Thread(() -> {
            while (running.get()) {
                long now = System.nanoTime();
                boolean ok = status(get("/ext/50/summary")) == 200;
                extRequests.incrementAndGet();
                if (ok) {
                    longestGap.accumulateAndGet(System.nanoTime() - lastOk.getAndSet(System.nanoTime()), Math::max);
                } else {
                    extFailed.incrementAndGet();
                }
            }
        }));
        for (String path : List.of("/areas/provinces", "/volunteers?province=50", "/data-quality?province=50")) {
            clients.add(new Thread(() -> {
                while (running.get()) {
                    coreRequests.incrementAndGet();
                    if (status(get(path)) != 200) {
                        coreFailed.incrementAndGet();
                    }
                }
            }));
        }
        clients.forEach(Thread::start);
        List<Long> swapTimes = new ArrayList<>();
        for (int s = 1; s <= swaps; s++) {
            int edition = s % 2;
            long start = System.nanoTime();
            check(send("PUT", "/extensions/org.apom.ext.p50.chiangmai", "application/java-archive", editions[edition]), 200);
            waitForVersion(versions[edition]);
            swapTimes.add(System.nanoTime() - start);
        }
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        System.out.printf("baseline: GET /ext/50/summary p50 %.1f ms (no swap)%n", baseline);
        System.out.printf("swap (PUT until the new version answers), %d swaps: p50 %.0f ms (%.0f x baseline), "
                + "p99 %.0f ms (%.0f x baseline), max %.0f ms%n", swaps, percentile(swapTimes, 50) / 1e6,
                percentile(swapTimes, 50) / 1e6 / baseline, percentile(swapTimes, 99) / 1e6,
                percentile(swapTimes, 99) / 1e6 / baseline, Collections.max(swapTimes) / 1e6);
        System.out.printf("extension endpoint during the swaps: %d requests, %d failed, longest gap without an "
                + "answer %.0f ms (%.0f x baseline)%n", extRequests.get(), extFailed.get(), longestGap.get() / 1e6,
                longestGap.get() / 1e6 / baseline);
        System.out.printf("core during the swaps: %d requests, %d failed%n", coreRequests.get(), coreFailed.get());
    }

    static void waitForVersion(String version) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("/ext/50/summary");
            if (r != null && r.statusCode() == 200 && r.body().contains("\"version\":\"" + version + "\"")) {
                return;
            }
        }
        throw new IllegalStateException("the summary never answered " + version);
    }

    static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    static HttpResponse<String> send(String method, String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", auth)
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int status(HttpResponse<String> r) {
        return r == null ? 0 : r.statusCode();
    }

    static void check(HttpResponse<String> r, int expected) {
        if (r == null || r.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
        }
    }

    static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A valid national ID (checksum) from a number, the same way the container tests make them. */
    static String nationalId(int n) {
        String first12 = "5" + String.format("%011d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (13 - i);
        }
        return first12 + (11 - sum % 11) % 10;
    }
}
