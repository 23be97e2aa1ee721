package org.apom.extensions.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The package names of an OSGi manifest header such as Import-Package: clauses split at commas outside
 * quotes ({@code version="[1.0,2)"}), each clause's names before its first attribute or directive.
 */
final class ManifestClauses {

    private ManifestClauses() {
    }

    static List<String> packages(String header) {
        List<String> names = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        for (String clause : splitOutsideQuotes(header, ',')) {
            for (String part : splitOutsideQuotes(clause, ';')) {
                String p = part.strip();
                if (p.contains("=")) {
                    break; // attributes and directives follow the names
                }
                if (!p.isEmpty()) {
                    names.add(p);
                }
            }
        }
        return names;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
