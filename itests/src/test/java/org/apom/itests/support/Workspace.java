package org.apom.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution started as central IT starts it ({@code bin/start}) with its demo register, for the workspace's
 * browser tests: the admin's API client, the province officers of 40 and 50, and plain HTTP as a browser sends it
 * (cookies, forms, CSRF tokens) for the tests that need many clients or a request no browser would make.
 */
public final class Workspace implements AutoCloseable {

    /** The password of the admin and of every officer the tests create. */
    public static final String PASSWORD = "workspace-test-passphrase";
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Distribution platform;
    private final int port;
    private final Http admin;

    private Workspace(int port, Http admin) {
        this.platform = null;
        this.port = port;
        this.admin = admin;
    }

    /** The workspace of a platform that runs already (a container test's), whose admin is {@code admin}. */
    public static Workspace of(int port, Http admin) {
        return new Workspace(port, admin);
    }

    /** Starts the platform in {@code target/<folder>} and waits until the demo register is loaded. */
    public Workspace(String folder) throws Exception {
        platform = new Distribution(folder);
        port = platform.port();
        platform.run("bin/start", Map.of("APOM_ADMIN_PASSWORD", PASSWORD, "APOM_DEMO_DATA", "true",
                "APOM_EXTENSIONS_DEV", "false"));
        admin = new Http(platform.port()).as("admin", PASSWORD);
        // the demo register (3,000 records) is loaded while the platform already serves
        platform.awaitReady(() -> new Http(platform.port()).get("/health").status() == 200
                && get("/sign-in", null).statusCode() == 200 && demoRecords() == 3_000);
        for (String[] user : new String[][] {{"kk-officer", "40"}, {"cm-officer", "50"}}) {
            HttpAnswer created = admin.post("/users", "{\"username\": \"" + user[0] + "\", \"password\": \"" + PASSWORD
                    + "\", \"roles\": [\"province-officer\"], \"province\": \"" + user[1] + "\"}");
            assertEquals(created.toString(), 201, created.status());
        }
    }

    public int port() {
        return port;
    }

    /** The API as the admin. */
    public Http admin() {
        return admin;
    }

    /** A session as a browser gets one, without a browser. */
    public record Session(String cookie, String csrf) {
    }

    /** Signs in as a browser would, with the tests' password: the session's cookie and its CSRF token. */
    public Session signIn(String username) throws Exception {
        return signIn(username, PASSWORD);
    }

    /** Signs in as a browser would: the session's cookie and its CSRF token. */
    public Session signIn(String username, String password) throws Exception {
        HttpResponse<String> form = get("/sign-in", null);
        String signInCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("apom-sign-in="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String token = signInCookie.substring("apom-sign-in=".length());
        HttpResponse<String> signedIn = post("/sign-in", signInCookie, null, "_csrf=" + token + "&username="
                + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertEquals(signedIn.body(), 303, signedIn.statusCode());
        String session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("apom-session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher csrf = CSRF.matcher(get("/", session).body());
        assertTrue(csrf.find());
        return new Session(session, csrf.group(1));
    }

    public HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file as a browser saves it. */
    public HttpResponse<byte[]> download(String path, String cookie) throws IOException, InterruptedException {
        return RAW.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers
                        .ofByteArray());
    }

    /** Posts a form as a browser on another site ({@code origin}) or on the platform's own pages ({@code null}). */
    public HttpResponse<String> post(String path, String cookie, String origin, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a body of the given type (a multipart upload) from the platform's own pages. */
    public HttpResponse<String> post(String path, String cookie, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return RAW.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How many records the register holds, merged ones included; -1 while the API does not answer yet. */
    public long demoRecords() throws IOException, InterruptedException {
        HttpAnswer quality = admin.get("/data-quality");
        if (quality.status() != 200) {
            // health may answer before every resource of the API is registered (CXF's 404 "No service was found")
            return -1;
        }
        long records = 0;
        for (JsonNode province : quality.json().get("items")) {
            records += province.get("records").asLong();
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        if (platform != null && platform.running()) {
            platform.stopAndWait();
        }
    }
}
