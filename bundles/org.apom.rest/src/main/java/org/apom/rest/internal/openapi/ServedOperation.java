package org.apom.rest.internal.openapi;

import java.util.Locale;

/** An HTTP method on a path template of the application, as the JAX-RS runtime serves it. */
record ServedOperation(String method, String path) {

    ServedOperation {
        method = method.toLowerCase(Locale.ROOT);
        path = normalise(path);
    }

    /** "/areas/{code: \\d+}/" and "areas/{code}" are the same template. */
    static String normalise(String path) {
        String p = path == null ? "" : path.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}")
                .replaceAll("/+", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
