package org.apom.itests.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A PDF as a person reads it, from inside the container: each page's text (as a reader copies it, no-break spaces as
 * spaces), the share of each rendered page that is ink, and whether its fonts are embedded. The reading is done by
 * {@link PdfServer} in the test driver's JVM; the pages' PNGs are kept under {@code itests/target/pdf-pages/}.
 */
public record PdfPages(List<String> pages, List<Double> ink, boolean fontsEmbedded) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static PdfPages read(String name, byte[] pdf) throws IOException, InterruptedException {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(System.getProperty(
                PdfServer.URL_PROPERTY) + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError(answer.body());
        }
        JsonNode read = new ObjectMapper().readTree(answer.body());
        List<String> pages = new ArrayList<>();
        read.get("pages").forEach(p -> pages.add(p.asText().replace('\u00A0', ' ')));
        List<Double> ink = new ArrayList<>();
        read.get("ink").forEach(i -> ink.add(i.asDouble()));
        return new PdfPages(pages, ink, read.get("fontsEmbedded").asBoolean());
    }
}
