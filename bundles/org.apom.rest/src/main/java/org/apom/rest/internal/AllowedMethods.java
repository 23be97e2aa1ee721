package org.apom.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
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

    /** The core application's templates, read once each: a 405 costs no regex compilation after the first. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /**
     * The application's resource methods as of one state of the runtime: a 405 or an OPTIONS, which anyone may send
     * before authentication, does not make the runtime describe every application again.
     */
    private static volatile Served served;

    private record Served(Object changeCount, String application, List<ResourceMethodInfoDTO> methods) {
    }

    private AllowedMethods() {
    }

    /**
     * @param runtime the JAX-RS runtime
     * @param changeCount its {@code service.changecount} now, which says when what it serves changed
     * @param path the request's path below the application's base ({@code volunteers/imports}), as sent (encoded),
     *        which is what the runtime matches
     * @return the methods, with HEAD where GET is and OPTIONS (which the runtime answers everywhere); empty when
     *         the application or the address is unknown
     */
    static SortedSet<String> at(JaxrsServiceRuntime runtime, Object changeCount, String application, String path) {
        Served now = served;
        if (now == null || changeCount == null || !changeCount.equals(now.changeCount())
                || !application.equals(now.application())) {
            now = new Served(changeCount, application, methods(runtime.getRuntimeDTO(), application));
            served = now;
        }
        return at(now.methods(), path);
    }

    private static List<ResourceMethodInfoDTO> methods(RuntimeDTO runtime, String application) {
        List<ResourceMethodInfoDTO> methods = new ArrayList<>();
        for (ApplicationDTO app : runtime.applicationDTOs) {
            if (application.equals(app.name)) {
                add(methods, app.resourceMethods);
                for (ResourceDTO resource : app.resourceDTOs) {
                    add(methods, resource.resourceMethods);
                }
            }
        }
        return List.copyOf(methods);
    }

    private static SortedSet<String> at(List<ResourceMethodInfoDTO> methods, String path) {
        String target = PathTemplates.normalise(path);
        List<ResourceMethodInfoDTO> matching = new ArrayList<>();
        for (ResourceMethodInfoDTO m : methods) {
            if (PATTERNS.computeIfAbsent(m.path == null ? "" : m.path, PathTemplates::pattern).matcher(target)
                    .matches()) {
                matching.add(m);
            }
        }
        // as JAX-RS chooses (3.7.2): the templates with the most literal characters take the address, so
        // volunteers/{id} has no say at volunteers/imports
        int most = matching.stream().mapToInt(m -> PathTemplates.literalLength(m.path)).max().orElse(0);
        SortedSet<String> allowed = new TreeSet<>();
        for (ResourceMethodInfoDTO m : matching) {
            if (PathTemplates.literalLength(m.path) == most) {
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

    private static void add(List<ResourceMethodInfoDTO> methods, ResourceMethodInfoDTO[] declared) {
        if (declared == null) {
            return;
        }
        for (ResourceMethodInfoDTO m : declared) {
            if (m.method != null) {
                methods.add(m);
            }
        }
    }
}
