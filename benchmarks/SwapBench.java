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
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of extension-swap.sh: installs Chiang Mai's extension, measures the summary's latency with no
 * swap (the baseline), then swaps between its two editions while clients poll the core API and the summary, then
 * lets the same clients run as long again with no swap (what the gap is on this machine anyway).
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

        Clients during = new Clients();
        List<Long> swapTimes = new ArrayList<>();
        long swapsStart = System.nanoTime();
        for (int s = 1; s <= swaps; s++) {
            int edition = s % 2;
            long start = System.nanoTime();
            check(send("PUT", "/extensions/org.apom.ext.p50.chiangmai", "application/java-archive", editions[edition]), 200);
            waitForVersion(versions[edition]);
            swapTimes.add(System.nanoTime() - start);
        }
        during.stop();
        // the same clients as long again with no swap: how long an answer takes anyway on this machine
        long swapsTook = System.nanoTime() - swapsStart;
        Clients quiet = new Clients();
        Thread.sleep(swapsTook / 1_000_000);
        quiet.stop();
        System.out.printf("baseline: GET /ext/50/summary p50 %.1f ms (no swap)%n", baseline);
        System.out.printf("swap (PUT until the new version answers), %d swaps: p50 %.0f ms (%.0f x baseline), "
                + "p99 %.0f ms (%.0f x baseline), max %.0f ms%n", swaps, percentile(swapTimes, 50) / 1e6,
                percentile(swapTimes, 50) / 1e6 / baseline, percentile(swapTimes, 99) / 1e6,
                percentile(swapTimes, 99) / 1e6 / baseline, Collections.max(swapTimes) / 1e6);
        System.out.printf("extension endpoint during the swaps: %d requests, %d failed, longest gap without an "
                + "answer %.0f ms (%.0f x baseline)%s%n", during.extRequests.get(), during.extFailed.get(),
                during.longestGap.get() / 1e6, during.longestGap.get() / 1e6 / baseline,
                during.extFailedByStatus.isEmpty() ? "" : "; failed by status (0: no answer) " + during.extFailedByStatus);
        System.out.printf("core during the swaps: %d requests, %d failed%n", during.coreRequests.get(),
                during.coreFailed.get());
        System.out.printf("the same clients for as long (%.1f s) with no swap: extension %d requests, %d failed, longest "
                + "gap %.0f ms (%.0f x baseline); core %d requests, %d failed%n", swapsTook / 1e9,
                quiet.extRequests.get(), quiet.extFailed.get(), quiet.longestGap.get() / 1e6,
                quiet.longestGap.get() / 1e6 / baseline, quiet.coreRequests.get(), quiet.coreFailed.get());
    }

    /**
     * One client polling the summary without pause (the longest time between two of its answers is the gap it
     * sees) and three polling core endpoints, from construction until {@link #stop()}.
     */
    static final class Clients {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong lastOk = new AtomicLong(System.nanoTime());
        final AtomicLong longestGap = new AtomicLong();
        final AtomicInteger extRequests = new AtomicInteger(), extFailed = new AtomicInteger();
        final AtomicInteger coreRequests = new AtomicInteger(), coreFailed = new AtomicInteger();
        final Map<Integer, AtomicInteger> extFailedByStatus = new ConcurrentSkipListMap<>();
        final List<Thread> threads = new ArrayList<>();

        Clients() {
            threads.add(new Thread(() -> {
                while (running.get()) {
                    int status = status(get("/ext/50/summary"));
                    extRequests.incrementAndGet();
                    if (status == 200) {
                        long now = System.nanoTime();
                        longestGap.accumulateAndGet(now - lastOk.getAndSet(now), Math::max);
                    } else {
                        extFailed.incrementAndGet();
                        extFailedByStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }));
            for (String path : List.of("/areas/provinces", "/volunteers?province=50", "/data-quality?province=50")) {
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        coreRequests.incrementAndGet();
                        if (status(get(path)) != 200) {
                            coreFailed.incrementAndGet();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }
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
