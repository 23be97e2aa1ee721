package org.apom.rest.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the whole document at build time, from the fragments of every bundle on the class path, the same way the
 * platform serves it with every core bundle running. The Java client is generated from it, and the build checks it
 * with openapi-generator's validation (clients/java); a container test checks that the platform serves the same.
 * Run as {@code OpenApiDocumentFile <output file> <version>}.
 */
public final class OpenApiDocumentFile {

    private OpenApiDocumentFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OpenApiDocumentFile <output file> <version>");
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<JsonNode> fragments = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (URL fragment : Collections.list(loader.getResources(OpenApiResource.FRAGMENT))) {
            try (InputStream in = fragment.openStream()) {
                fragments.add(json.readTree(in));
            }
        }
        if (fragments.isEmpty()) {
            throw new IllegalStateException("no " + OpenApiResource.FRAGMENT + " on the class path");
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        json.writeValue(output.toFile(), OpenApiDocument.build(json, args[1], fragments, operation -> true));
    }
}
