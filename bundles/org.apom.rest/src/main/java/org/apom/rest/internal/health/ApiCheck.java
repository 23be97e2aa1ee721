package org.apom.rest.internal.health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apom.rest.internal.CoreBundles;
import org.apom.rest.internal.health.HealthJson.ComponentJson;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * Whether every JAX-RS resource and extension a core bundle registered is being served. The whiteboard
 * takes them up asynchronously, and a resource that failed (a clashing name, a missing extension) would
 * otherwise only show as a 404 to some caller.
 */
final class ApiCheck {

    // the extension manager registers the provinces' extension resources again in their applications
    // (apom.extensions.bundle names the extension's): they are the extension's, not the core's
    private static final String WHITEBOARD_SERVICES =
            "(&(|(osgi.jaxrs.resource=true)(osgi.jaxrs.extension=true))(!(apom.extensions.bundle=*)))";

    private ApiCheck() {
    }

    static ComponentJson of(JaxrsServiceRuntime runtime, BundleContext context) {
        if (runtime == null) {
            return new ComponentJson(HealthJson.DOWN, Map.of("error", "the JAX-RS whiteboard is not running"));
        }
        Set<Long> served = served(runtime.getRuntimeDTO());
        int count = 0;
        List<String> notServed = new ArrayList<>();
        for (ServiceReference<?> reference : coreWhiteboardServices(context)) {
            if (served.contains((Long) reference.getProperty(Constants.SERVICE_ID))) {
                count++;
            } else {
                notServed.add(reference.getBundle().getSymbolicName() + " "
                        + reference.getProperty("component.name"));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("served", count);
        if (!notServed.isEmpty()) {
            details.put("notServed", notServed);
        }
        return new ComponentJson(notServed.isEmpty() && count > 0 ? HealthJson.UP : HealthJson.DOWN, details);
    }

    private static List<ServiceReference<?>> coreWhiteboardServices(BundleContext context) {
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(null, WHITEBOARD_SERVICES);
            List<ServiceReference<?>> core = new ArrayList<>();
            if (all != null) {
                for (ServiceReference<?> reference : all) {
                    if (reference.getBundle() != null && CoreBundles.isCore(reference.getBundle())) {
                        core.add(reference);
                    }
                }
            }
            return core;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is invalid", e);
        }
    }

    private static Set<Long> served(RuntimeDTO dto) {
        Set<Long> ids = new HashSet<>();
        List<ApplicationDTO> apps = new ArrayList<>(List.of(dto.applicationDTOs));
        if (dto.defaultApplication != null) {
            apps.add(dto.defaultApplication);
        }
        for (ApplicationDTO app : apps) {
            addIds(ids, app.resourceDTOs);
            addIds(ids, app.extensionDTOs);
        }
        return ids;
    }

    private static void addIds(Set<Long> ids, BaseDTO[] dtos) {
        if (dtos != null) {
            for (BaseDTO dto : dtos) {
                ids.add(dto.serviceId);
            }
        }
    }
}
