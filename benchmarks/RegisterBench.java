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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of benchmarks/import-and-search.sh (run as a source file: java RegisterBench.java ...).
 *   single URL PASSWORD FILE N   registers the first N rows of FILE one by one (POST /volunteers); prints rows/s
 *   import URL PASSWORD FILE     imports FILE (POST /volunteers/imports) and waits for it; prints rows/s
 *   search URL PASSWORD RUNS     times typical searches and GET /health; prints medians and p95 in ms
 *   feed URL PASSWORD            once every audit entry is sealed, reads GET /changes from cursor zero to the end and
 *                                pages through the whole register (GET /volunteers, 500 a page); prints both rows/s
 */
public final class RegisterBench {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static String auth;

    public static void main(String[] args) throws Exception {
        base = args[1] + "/api/v1";
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[2]).getBytes(StandardCharsets.UTF_8));
        switch (args[0]) {
            case "single" -> single(Path.of(args[3]), Integer.parseInt(args[4]));
            case "import" -> importFile(Path.of(args[3]));
            case "search" -> search(Integer.parseInt(args[3]));
            case "feed" -> feed();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void single(Path file, int n) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        long start = System.nanoTime();
        int done = 0;
        for (String line : lines.subList(1, Math.min(lines.size(), n + 1))) {
            String[] cells = line.split(",", -1); // the generated file quotes nothing
            StringBuilder json = new StringBuilder("{");
            String[] fields = {"nationalId", "title", "firstName", "lastName", "firstNameEn", "lastNameEn", "birthDate",
                "gender", "phone", "subdistrictCode", "address", "registeredOn"};
            for (int i = 0; i < header.length; i++) {
                if (!cells[i].isEmpty()) {
                    json.append(json.length() > 1 ? "," : "").append('"').append(fields[i]).append("\":\"")
                            .append(cells[i].replace("\"", "\\\"")).append('"');
                }
            }
            HttpResponse<String> r = send("POST", "/volunteers", "application/json", json.append('}').toString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            done++;
        }
        System.out.printf("%.1f%n", done / ((System.nanoTime() - start) / 1e9));
    }

    private static void importFile(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long start = System.nanoTime();
        HttpResponse<String> r = CLIENT.send(request("POST", "/volunteers/imports", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        String id = field(r.body(), "id");
        String report;
        do {
            Thread.sleep(500);
            report = send("GET", "/volunteers/imports/" + id, null, null).body();
        } while (!field(report, "status").equals("DONE") && !field(report, "status").equals("FAILED"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.1f %s %s %s%n", Integer.parseInt(number(report, "rows")) / seconds, number(report, "accepted"),
                number(report, "rejected"), field(report, "status"));
    }

    private static void search(int runs) throws Exception {
        String[] queries = {"/volunteers?province=50&limit=50", "/volunteers?province=50&q=%E0%B8%AA%E0%B8%A1&limit=50",
            "/volunteers?district=5001&limit=50", "/volunteers?province=40&verifiedBefore=2025-11-29&limit=50",
            "/volunteers?q=Som&limit=50", "/volunteers/duplicates?province=90&limit=50"};
        double health = median(time("/health", runs));
        System.out.printf("health p50 %.2f ms%n", health);
        for (String q : queries) {
            List<Double> t = time(q, runs);
            System.out.printf("%s p50 %.2f ms p95 %.2f ms ratio %.1f%n", q, median(t), p95(t), median(t) / health);
        }
        String nextCursor = field(send("GET", "/volunteers?province=50&limit=500", null, null).body(), "nextCursor");
        List<Double> t = time("/volunteers?province=50&limit=500&cursor=" + nextCursor, runs);
        System.out.printf("second page of 500 p50 %.2f ms p95 %.2f ms ratio %.1f%n", median(t), p95(t), median(t) / health);
    }

    private static void feed() throws Exception {
        // the feed lists sealed entries only: wait until the import's are all in the chain
        Pattern waiting = Pattern.compile("\"audit\":\\{\"status\":\"[A-Z]+\",\"details\":\\{[^}]*\"waiting\":(\\d+)");
        Matcher m;
        do {
            Thread.sleep(500);
            m = waiting.matcher(send("GET", "/health", null, null).body());
        } while (!m.find() || !m.group(1).equals("0"));
        long start = System.nanoTime();
        long changes = 0;
        String after = "";
        while (true) {
            String page = ok(send("GET", "/changes?limit=500" + (after.isEmpty() ? "" : "&after=" + after), null, null));
            int n = count(page, "\"cursor\":");
            if (n == 0) {
                break;
            }
            changes += n;
            after = field(page, "nextCursor");
        }
        double feed = changes / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        long records = 0;
        String cursor = "";
        do {
            String page = ok(send("GET", "/volunteers?limit=500" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), null,
                    null));
            records += count(page, "\"nationalId\":");
            cursor = field(page, "nextCursor");
        } while (!cursor.isEmpty());
        double register = records / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%.1f %d %.1f %d%n", feed, changes, register, records);
    }

    private static String ok(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static List<Double> time(String path, int runs) throws Exception {
        send("GET", path, null, null); // warm
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = send("GET", path, null, null);
            ms.add((System.nanoTime() - start) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " " + r.statusCode() + " " + r.body());
            }
        }
        Collections.sort(ms);
        return ms;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> sorted) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1));
    }

    private static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = request(method, path, type).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String method, String path, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth);
        return type == null ? b : b.header("Content-Type", type);
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
