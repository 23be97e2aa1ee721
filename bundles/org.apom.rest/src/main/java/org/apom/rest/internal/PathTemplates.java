package org.apom.rest.internal;

import java.util.regex.Pattern;

/**
 * JAX-RS path templates ({@code volunteers/{id}}, {@code areas/{code: \\d{2}}}) as the runtime reads them: for the
 * OpenAPI document's paths and for the methods an address accepts.
 */
public final class PathTemplates {

    private PathTemplates() {
    }

    /** The characters of a template outside its variables, once normalised. */
    public static int literalLength(String path) {
        String p = path == null ? "" : path;
        int length = 0;
        int i = 0;
        while (i < p.length()) {
            if (p.charAt(i) == '{') {
                i = closingBrace(p, i) + 1;
            } else {
                length += p.charAt(i) == '/' && (i + 1 == p.length() || p.charAt(i + 1) == '/') ? 0 : 1;
                i++;
            }
        }
        return length + (p.startsWith("/") ? 0 : 1);
    }

    /**
     * A JAX-RS path template as a pattern of a path as {@link #normalise} makes it: {@code {id}} is one segment,
     * {@code {id: regex}} its regex.
     */
    public static Pattern pattern(String path) {
        String p = path == null ? "" : path;
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder("/");
        boolean afterSlash = true;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '{') {
                int end = closingBrace(p, i);
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                String[] parts = p.substring(i + 1, end).split(":", 2);
                regex.append("(?:").append(parts.length == 2 ? parts[1].strip() : "[^/]+").append(')');
                afterSlash = false;
                i = end + 1;
            } else {
                if (c != '/' || !afterSlash) {
                    literal.append(c);
                }
                afterSlash = c == '/';
                i++;
            }
        }
        if (afterSlash && literal.length() > 0 && (regex.length() > 0 || literal.length() > 1)) {
            literal.setLength(literal.length() - 1); // no trailing slash, as normalise leaves none
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString());
    }

    /** {@code volunteers//imports/} as {@code /volunteers/imports}; the root as {@code /}. */
    public static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : (path == null ? "" : path).split("/")) {
            if (!segment.isEmpty()) {
                out.append('/').append(segment);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    public static int closingBrace(String p, int open) {
        int depth = 0;
        for (int i = open; i < p.length(); i++) {
            if (p.charAt(i) == '{') {
                depth++;
            } else if (p.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return p.length() - 1;
    }
}
