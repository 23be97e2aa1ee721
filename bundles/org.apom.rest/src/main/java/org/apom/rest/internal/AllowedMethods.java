package org.apom.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * The methods one address of an application accepts, for a 405's {@code Allow}, from the resource methods the
 * JAX-RS runtime says it serves. CXF's own answer names every method of every resource of the application
 * ({@code JAXRSUtils.createResponse} joins the allowed methods of all root resources), so a client told
 * {@code Allow: GET} at {@code /volunteers/imports} before it had a GET was sent to an address that refused it.
 */
final class AllowedMethods {

    private AllowedMethods() {
    }

    /**
     * @param path the request's path below the application's base ({@code volunteers/imports})
     * @return the methods, with HEAD where GET is and OPTIONS (which the runtime answers everywhere); empty when
     *         the application or the address is unknown
     */
    static SortedSet<String> at(RuntimeDTO runtime, String application, String path) {
        List<ResourceMethodInfoDTO> matching = new ArrayList<>();
        String target = normalise(path);
        for (ApplicationDTO app : runtime.applicationDTOs) {
            if (application.equals(app.name)) {
                add(matching, app.resourceMethods, target);
                for (ResourceDTO resource : app.resourceDTOs) {
                    add(matching, resource.resourceMethods, target);
                }
            }
        }
        // as JAX-RS chooses (3.7.2): the templates with the most literal characters take the address, so
        // volunteers/{id} has no say at volunteers/imports
        int most = matching.stream().mapToInt(m -> literalLength(m.path)).max().orElse(0);
        SortedSet<String> allowed = new TreeSet<>();
        for (ResourceMethodInfoDTO m : matching) {
            if (literalLength(m.path) == most) {
                allowed.add(m.method.toUpperCase(Locale.ROOT));
            }
        }
        if (allowed.isEmpty()) {
            return allowed;
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return allowed;
    }

    private static void add(List<ResourceMethodInfoDTO> matching, ResourceMethodInfoDTO[] methods, String target) {
        if (methods == null) {
            return;
        }
        for (ResourceMethodInfoDTO m : methods) {
            if (m.method != null && template(m.path).matcher(target).matches()) {
                matching.add(m);
            }
        }
    }

    /** The characters of a template outside its variables, once normalised. */
    static int literalLength(String path) {
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
    static Pattern template(String path) {
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
    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : (path == null ? "" : path).split("/")) {
            if (!segment.isEmpty()) {
                out.append('/').append(segment);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static int closingBrace(String p, int open) {
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
