package org.apom.itests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small HTTP client for the API under {@code /api/v1} of the container under test. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(int port) {
        this.port = port;
    }

    /** A client with the same headers, to add one without changing this client (which threads may share). */
    public Http copy() {
        Http copy = new Http(port);
        copy.headers.putAll(headers);
        return copy;
    }

    /** Sends this header with every request of this client. */
    public Http with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Logs in with Basic credentials. */
    public Http as(String username, String password) {
        return with("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public HttpAnswer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json);
    }

    public HttpAnswer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    public HttpAnswer send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a body as it is, byte for byte (a file in another encoding). */
    public HttpAnswer sendBytes(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        HttpAnswer answer = new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
        keepsContract(method, path, contentType, body, answer);
        return answer;
    }

    /**
     * A GET whose answer is a file that is not text (a PDF): its bytes as sent. The contract check sees the body as
     * ISO-8859-1 text, byte for byte, which is all a binary string's schema asks of it.
     */
    public Download download(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpAnswer answer = new HttpAnswer(response.statusCode(), response.headers().map(),
                new String(response.body(), StandardCharsets.ISO_8859_1));
        keepsContract("GET", path, null, null, answer);
        return new Download(answer, response.body());
    }

    /** A file as downloaded: the answer (its body as ISO-8859-1 text) and its bytes. */
    public record Download(HttpAnswer answer, byte[] bytes) {
    }

    /**
     * Has the exchange checked against the served OpenAPI document by the test driver's {@link ContractValidator}
     * and fails the test when it breaks it.
     */
    private void keepsContract(String method, String path, String contentType, byte[] body, HttpAnswer answer)
            throws IOException, InterruptedException {
        String validator = System.getProperty(ContractValidator.URL_PROPERTY);
        if (validator == null) {
            return;
        }
        ObjectNode exchange = JSON.createObjectNode();
        exchange.put("port", port);
        exchange.put("method", method);
        exchange.put("path", "/api/v1" + path);
        ObjectNode sent = exchange.putObject("requestHeaders");
        headers.forEach(sent::put);
        if (contentType != null) {
            sent.put("Content-Type", contentType);
        }
        if (body != null) {
            exchange.put("requestBody", Base64.getEncoder().encodeToString(body));
        }
        exchange.put("status", answer.status());
        ObjectNode received = exchange.putObject("responseHeaders");
        answer.headers().forEach((name, values) -> values.forEach(received.withArray(name)::add));
        exchange.put("responseBody", answer.body());
        HttpResponse<String> verdict = CLIENT.send(HttpRequest.newBuilder(URI.create(validator))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(exchange))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (!verdict.body().isEmpty()) {
            throw new AssertionError(verdict.body());
        }
    }
}
