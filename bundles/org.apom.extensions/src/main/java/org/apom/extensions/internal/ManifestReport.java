package org.apom.extensions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;

import org.apom.extensions.internal.SubmissionInfo.HeaderChange;

/**
 * What a reviewer reads first: the submitted jar's manifest headers, and each header it adds, removes or changes
 * against the version it would replace, so that a new import or a changed province stands out.
 */
final class ManifestReport {

    /** Headers the jar tool and bnd write on their own, which say nothing about what the code may do. */
    private static final List<String> NOISE = List.of("Bnd-LastModified", "Created-By", "Build-Jdk-Spec",
            "Build-Jdk", "Tool", "Built-By");
    private static final int MAX_VALUE = 4000;

    private ManifestReport() {
    }

    static Map<String, String> headers(Attributes main) {
        Map<String, String> headers = new TreeMap<>();
        main.forEach((key, value) -> {
            String name = key.toString();
            if (!NOISE.contains(name)) {
                String text = String.valueOf(value);
                headers.put(name, text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "...");
            }
        });
        return headers;
    }

    static List<HeaderChange> changes(Map<String, String> before, Map<String, String> after) {
        List<HeaderChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String was = before.get(name);
            String is = after.get(name);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new HeaderChange(name, was, is));
            }
        }
        return changes;
    }
}
