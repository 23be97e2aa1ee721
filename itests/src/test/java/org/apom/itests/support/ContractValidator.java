package org.apom.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Checks every exchange of the container tests against the OpenAPI document the container serves, so that a
 * drift between what the platform answers and what it documents fails the test that met it.
 * <p>
 * It runs in the test driver's JVM, not in the container: Atlassian's swagger-request-validator and its many
 * plain-jar dependencies have no place in the platform under test. The tests' {@link Http} client, which runs
 * inside the container, posts each exchange here and fails with the report it gets back. A request is checked
 * only when the platform accepted it (a test that sends a malformed request on purpose is testing the refusal);
 * every answer is checked.
 */
public final class ContractValidator {

    /** The system property, passed into each container, naming where to post exchanges. */
    public static final String URL_PROPERTY = "apom.test.contract";
    /** Operations the document does not describe: each province's own endpoints. */
    private static final String EXTENSION_PREFIX = "/api/v1/ext/";
    /** Answers of no operation (an unknown path or method): still problem+json. */
    private static final Set<String> NO_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    /**
     * {@code -Dapom.contract.listOnly=true}: a developer's way to see every drift of a run at once, in
     * {@code target/contract-problems.txt}, instead of one failed test each; never set in the build.
     */
    private static final String LIST_ONLY_PROPERTY = "apom.contract.listOnly";
    /** How long after a node says UP its application may still be rebuilt for a late resource (trap 44). */
    private static final Duration REBUILD_AFTER_READY = Duration.ofSeconds(15);
    private static final Path PROBLEMS_FILE = Path.of("target", "contract-problems.txt");

    private static ContractValidator running;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, OpenApiInteractionValidator> byPort = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong outsideDocument = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong beforeDocument = new AtomicLong();
    private final AtomicLong duringStart = new AtomicLong();
    /** Ports whose container has answered health UP once: from then on every exchange must keep the contract. */
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    /** When each node last became ready (a health 200 after none): CXF's own 404 is forgiven only soon after. */
    private final Map<Integer, Long> readySince = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    private ContractValidator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/exchange", this::handle);
        server.setExecutor(workers);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::report, "contract-report"));
    }

    /** The URL of this JVM's validator, started on first use; every container of the run shares it. */
    public static synchronized String url() {
        if (running == null) {
            try {
                running = new ContractValidator();
            } catch (IOException e) {
                throw new UncheckedIOException("the contract validator could not listen", e);
            }
        }
        return "http://127.0.0.1:" + running.server.getAddress().getPort() + "/exchange";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String problems;
        try (InputStream in = exchange.getRequestBody()) {
            problems = check(json.readTree(in));
        } catch (RuntimeException e) {
            problems = "the validator failed: " + e;
        }
        byte[] body = problems.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The contract's complaints about one exchange, or "" when it keeps the contract. */
    private String check(JsonNode exchange) {
        String target = exchange.path("path").asText();
        if (target.startsWith(EXTENSION_PREFIX)) {
            return "";
        }
        int port = exchange.path("port").asInt();
        int status = exchange.path("status").asInt();
        SimpleRequest request = request(exchange, target);
        SimpleResponse response = response(exchange, status);
        if (target.equals("/api/v1/health") && (status == 404 || status >= 500 && answeredByServlet(exchange))) {
            // no application yet: a container starting, perhaps on the port of one that has gone (its own document),
            // or the application rebuilt after a change of configuration, when CXF answers 500 in HTML while its
            // destination has no observer yet (docs/stack.md, trap 44)
            byPort.remove(port);
            ready.remove(port);
        }
        if (status == 404 && answeredByServlet(exchange) && ready.contains(port)
                && System.nanoTime() - readySince.getOrDefault(port, 0L) < REBUILD_AFTER_READY.toNanos()
                && exchange.path("responseBody").asText("").contains("No service was found.")) {
            // CXF's own "No service was found." just after health said UP: the whiteboard is rebuilding the
            // application because a resource came late (seen in LimitsIT's first request): listed, not failed, and
            // this node stays ready; later, a resource that is not there fails as it should (docs/stack.md, trap 44)
            duringStart.incrementAndGet();
            list(target + " answered CXF's 404 in HTML while the application was rebuilt");
            return "";
        }
        if (!byPort.containsKey(port) && !documentServed(port)) {
            // a container still starting answers health before it serves its document: nothing to check against
            beforeDocument.incrementAndGet();
            return "";
        }
        String problems;
        try {
            problems = problems(port, request, response, status);
            if (problems.contains("validation.request.path.missing")) {
                // the container may have served its document before its last resource came: ask once more
                byPort.remove(port);
                problems = problems(port, request, response, status);
            }
        } catch (DocumentMissing e) {
            // the document was there a moment ago and is not now: the application is being rebuilt (a resource
            // that came late, a change of configuration), so this exchange cannot be judged (docs/stack.md, trap 44)
            byPort.remove(port);
            ready.remove(port);
            beforeDocument.incrementAndGet();
            return "";
        }
        if (status == 200 && target.equals("/api/v1/health")) {
            if (ready.add(port)) {
                readySince.put(port, System.nanoTime());
            }
        }
        if (!problems.isEmpty() && !ready.contains(port)) {
            // while a node starts, the JAX-RS runtime answers before the application is whole (a 404 in HTML for a
            // resource not there yet): counted and listed, not failed (docs/stack.md, trap 44)
            duringStart.incrementAndGet();
            list(problems);
            return "";
        }
        if (!problems.isEmpty()) {
            refused.incrementAndGet();
            if (Boolean.getBoolean(LIST_ONLY_PROPERTY)) {
                list(problems);
                return "";
            }
        }
        return problems;
    }

    /**
     * The runtime answers an {@code OPTIONS} at every address itself, with the methods in {@code Allow} and no body
     * (docs/api.md, methods): HTTP's, not an operation of the document.
     */
    private static boolean runtimesOptions(SimpleRequest request, int status) {
        return request.getMethod() == Request.Method.OPTIONS && status == 200;
    }

    private String problems(int port, SimpleRequest request, SimpleResponse response, int status) {
        OpenApiInteractionValidator validator = byPort.computeIfAbsent(port, this::validatorOf);
        boolean accepted = status < 400;
        ValidationReport report = accepted ? validator.validate(request, response)
                : validator.validateResponse(request.getPath(), request.getMethod(), response);
        List<String> problems = new ArrayList<>();
        boolean outside = false;
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (NO_OPERATION.contains(message.getKey()) && (status >= 400 || runtimesOptions(request, status))) {
                outside = true;
                continue;
            }
            problems.add(message.getKey() + ": " + message.getMessage()
                    + message.getAdditionalInfo().stream().map(i -> " " + i).collect(Collectors.joining()));
        }
        if (outside) {
            outsideDocument.incrementAndGet();
            if (runtimesOptions(request, status)) {
                if (response.getHeaderValue("Allow").isEmpty()) {
                    problems.add("the runtime's answer to OPTIONS names no methods in Allow");
                }
            } else if (!response.getContentType().map(t -> t.startsWith("application/problem+json")).orElse(false)) {
                problems.add("an answer of no operation is not application/problem+json");
            }
        } else {
            answers.incrementAndGet();
            if (accepted) {
                requests.incrementAndGet();
            }
        }
        if (problems.isEmpty()) {
            return "";
        }
        return request.getMethod() + " " + request.getPath() + " answered " + status + ", which breaks the document:\n  "
                + String.join("\n  ", problems) + "\nanswer: " + response.getResponseBody().map(b -> {
                    try {
                        return b.toString(StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "?";
                    }
                }).orElse("");
    }

    private boolean documentServed(int port) {
        return document(port).statusCode() == 200;
    }

    private OpenApiInteractionValidator validatorOf(int port) {
        HttpResponse<String> document = document(port);
        if (document.statusCode() != 200) {
            throw new DocumentMissing(document.statusCode());
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
    }

    private HttpResponse<String> document(int port) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi.json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SimpleRequest request(JsonNode exchange, String target) {
        int query = target.indexOf('?');
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.path("method").asText(),
                query < 0 ? target : target.substring(0, query));
        if (query >= 0) {
            for (String pair : target.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        exchange.path("requestHeaders").fields().forEachRemaining(h -> request.withHeader(h.getKey(), h.getValue().asText()));
        if (exchange.hasNonNull("requestBody")) {
            request.withBody(Base64.getDecoder().decode(exchange.path("requestBody").asText()));
        }
        return request.build();
    }

    /** An answer in HTML: the servlet container's, never the application's (its errors are problem+json). */
    private static boolean answeredByServlet(JsonNode exchange) {
        JsonNode type = exchange.path("responseHeaders").path("Content-Type");
        if (type.isMissingNode()) {
            type = exchange.path("responseHeaders").path("content-type");
        }
        return type.toString().toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    private static SimpleResponse response(JsonNode exchange, int status) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        exchange.path("responseHeaders").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            response.withHeader(h.getKey(), values);
        });
        String body = exchange.path("responseBody").asText("");
        if (!body.isEmpty()) {
            response.withBody(body);
        }
        return response.build();
    }

    private static synchronized void list(String problems) {
        try {
            Files.writeString(PROBLEMS_FILE, problems + "\n\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures of this run, for the log and the issue notes. */
    private void report() {
        String line = String.format("contract: %d answers and %d accepted requests checked against the served "
                + "document; %d answers of no operation checked as problems; %d exchanges broke it; %d made before "
                + "the container served its document, unchecked; %d broke it while a container started (listed in "
                + PROBLEMS_FILE + ")%n",
                answers.get(), requests.get(), outsideDocument.get(), refused.get(), beforeDocument.get(),
                duringStart.get());
        System.out.print(line);
        try {
            Path file = Path.of("target", "contract-validation.txt");
            Files.writeString(file, line);
        } catch (IOException | RuntimeException ignored) {
            // the figures are a report, not a result: the tests have already failed or passed
        }
        server.stop(0);
        workers.shutdownNow();
    }

    /** The container did not serve its document when asked for it. */
    private static final class DocumentMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DocumentMissing(int status) {
            super("GET /openapi.json answered " + status);
        }
    }
}
