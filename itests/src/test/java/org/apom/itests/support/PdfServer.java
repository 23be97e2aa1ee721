package org.apom.itests.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Reads PDFs for the container tests as a person would, in the test driver's JVM, where PDFBox is: the platform has no
 * PDFBox, and PDFBox's bundle would bring a second commons-logging into the container. A test posts a PDF it was
 * served ({@link PdfPages#read}); this answers each page's text as PDFBox extracts it, how much of the page is ink
 * once rendered, and whether every font is embedded, and keeps each page as a PNG under {@code target/pdf-pages/}.
 */
public final class PdfServer {

    public static final String URL_PROPERTY = "apom.test.pdf";
    private static final Path PAGES = Path.of("target", "pdf-pages");
    private static PdfServer running;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;

    private PdfServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/pdf", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** The URL of this JVM's reader, started on first use. */
    public static synchronized String url() {
        if (running == null) {
            try {
                running = new PdfServer();
            } catch (IOException e) {
                throw new UncheckedIOException("the PDF reader could not listen", e);
            }
        }
        return "http://127.0.0.1:" + running.server.getAddress().getPort() + "/pdf";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String name = query == null ? "document" : query.replaceAll("^name=", "").replaceAll("[^A-Za-z0-9_-]", "_");
        byte[] answer;
        int status = 200;
        try (InputStream in = exchange.getRequestBody(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            answer = json.writeValueAsBytes(read(name, document));
        } catch (IOException | RuntimeException e) {
            status = 422;
            answer = ("not a readable PDF: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private ObjectNode read(String name, PDDocument document) throws IOException {
        ObjectNode read = json.createObjectNode();
        ArrayNode texts = read.putArray("pages");
        ArrayNode ink = read.putArray("ink");
        boolean embedded = true;
        PDFRenderer renderer = new PDFRenderer(document);
        Files.createDirectories(PAGES);
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(i + 1);
            stripper.setEndPage(i + 1);
            texts.add(stripper.getText(document));
            BufferedImage image = renderer.renderImageWithDPI(i, 100);
            ImageIO.write(image, "png", PAGES.resolve(name + "-" + (i + 1) + ".png").toFile());
            ink.add(inkShare(image));
            PDPage page = document.getPage(i);
            for (COSName font : page.getResources().getFontNames()) {
                embedded &= page.getResources().getFont(font).isEmbedded();
            }
        }
        read.put("fontsEmbedded", embedded);
        return read;
    }

    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                dark += ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128 ? 1 : 0;
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
