package org.apom.rest.internal.openapi;

import java.util.Locale;

import org.apom.rest.internal.PathTemplates;

/** An HTTP method on a path template of the application, as the JAX-RS runtime serves it. */
record ServedOperation(String method, String path) {

    ServedOperation {
        method = method.toLowerCase(Locale.ROOT);
        path = normalise(path);
    }

    /** "/areas/{code: \\d{2}}/" and "areas/{code}" are the same template. */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder("/");
        String p = path == null ? "" : path;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '{') {
                int end = PathTemplates.closingBrace(p, i);
                String name = p.substring(i + 1, end).split(":", 2)[0].strip();
                out.append('{').append(name).append('}');
                i = end + 1;
            } else {
                if (c != '/' || out.charAt(out.length() - 1) != '/') {
                    out.append(c);
                }
                i++;
            }
        }
        return out.length() > 1 && out.charAt(out.length() - 1) == '/' ? out.substring(0, out.length() - 1)
                : out.toString();
    }
}
