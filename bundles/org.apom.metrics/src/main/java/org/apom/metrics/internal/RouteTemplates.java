package org.apom.metrics.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.ws.rs.Path;

/**
 * The route of a request as a metric label: the matched resource's {@code @Path} templates
 * ({@code /volunteers/{id}}), never the concrete path, so the number of series is bounded by the code, not by
 * the callers.
 */
final class RouteTemplates {

    /** Every request no resource method matched (404, 405, a refused preflight): one series, whatever the path. */
    static final String UNMATCHED = "UNMATCHED";
    /** The methods kept as labels; anything else a client makes up is {@code OTHER}. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** {@code {id: [0-9]+}} is the variable {@code {id}}. */
    private static final Pattern VARIABLE_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");

    private final Map<Matched, String> known = new ConcurrentHashMap<>();

    /**
     * The route of the matched resource method, under the application's prefix ({@code ""} for the core API,
     * {@code /ext/50} for a province's extensions); {@link #UNMATCHED} when nothing matched.
     */
    String route(String prefix, Class<?> resource, Method method) {
        if (resource == null || method == null) {
            return UNMATCHED;
        }
        return prefix + known.computeIfAbsent(new Matched(resource, method), m -> template(resource, method));
    }

    /** A method inherited by two resources may sit under two class paths. */
    private record Matched(Class<?> resource, Method method) {
    }

    static String method(String method) {
        return method != null && METHODS.contains(method) ? method : "OTHER";
    }

    /** The template of a resource method: the class's {@code @Path} and the method's, joined by one slash. */
    static String template(Class<?> resource, Method method) {
        StringBuilder route = new StringBuilder();
        append(route, classPath(resource));
        append(route, methodPath(resource, method));
        return route.length() == 0 ? "/" : route.toString();
    }

    /**
     * The application a request went to, relative to the core API's base: {@code /api/v1/} is {@code ""},
     * {@code /api/v1/ext/50/} is {@code /ext/50}.
     */
    static String prefix(String basePath, String coreBase) {
        String base = strip(basePath);
        String core = strip(coreBase);
        if (base.equals(core) || !base.startsWith(core + "/")) {
            return "";
        }
        return base.substring(core.length());
    }

    private static String classPath(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c.getAnnotation(Path.class).value();
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.isAnnotationPresent(Path.class)) {
                    return i.getAnnotation(Path.class).value();
                }
            }
        }
        return "";
    }

    /** JAX-RS annotations are inherited from the method a resource method overrides or implements. */
    private static String methodPath(Class<?> type, Method method) {
        if (method.isAnnotationPresent(Path.class)) {
            return method.getAnnotation(Path.class).value();
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String found = declared(c, method);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                found = declared(i, method);
                if (found != null) {
                    return found;
                }
            }
        }
        return "";
    }

    private static String declared(Class<?> c, Method method) {
        try {
            Path path = c.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(Path.class);
            return path == null ? null : path.value();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void append(StringBuilder route, String path) {
        String part = strip(VARIABLE_REGEX.matcher(path).replaceAll("{$1}"));
        if (!part.isEmpty()) {
            route.append('/').append(part);
        }
    }

    private static String strip(String path) {
        String p = path == null ? "" : path.strip();
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(start, end);
    }
}
