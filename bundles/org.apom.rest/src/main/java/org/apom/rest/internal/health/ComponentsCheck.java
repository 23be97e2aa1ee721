package org.apom.rest.internal.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.DownReason;
import org.apom.rest.internal.CoreBundles;
import org.apom.rest.internal.health.HealthJson.ComponentJson;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether every component of the core bundles is satisfied. A bundle can be ACTIVE while its resources
 * still wait for a service (the database, a persistence unit); until they arrive the node answers part of
 * the API, and each late resource rebuilds the whole application, so the node is not ready yet. A component
 * that knows why it cannot become ready (no admin could be created) says so with a {@link DownReason}
 * service; those reasons are listed here too, since they are what an operator has to fix.
 */
final class ComponentsCheck {

    private ComponentsCheck() {
    }

    static ComponentJson of(ServiceComponentRuntime scr, Bundle[] bundles, List<String> downReasons) {
        if (scr == null) {
            return new ComponentJson(HealthJson.DOWN, Map.of("error", "Declarative Services is not running"));
        }
        int satisfied = 0;
        List<String> waiting = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (!CoreBundles.isCore(bundle) || bundle.getState() != Bundle.ACTIVE) {
                continue; // an inactive core bundle is already reported by the bundles check
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (waiting(configuration.state)) {
                        waiting.add(description.name + " " + stateName(configuration.state));
                    } else {
                        satisfied++;
                    }
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("satisfied", satisfied);
        if (!waiting.isEmpty()) {
            details.put("notSatisfied", waiting);
        }
        if (!downReasons.isEmpty()) {
            details.put("reasons", downReasons);
        }
        return new ComponentJson(waiting.isEmpty() && downReasons.isEmpty() ? HealthJson.UP : HealthJson.DOWN,
                details);
    }

    /** The {@link DownReason}s the core bundles registered, in the order of their services. */
    static List<String> downReasons(BundleContext context) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, DownReason.FILTER);
            List<String> reasons = new ArrayList<>();
            if (references != null) {
                Arrays.sort(references, Comparator.comparing(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
                for (ServiceReference<?> reference : references) {
                    Bundle bundle = reference.getBundle();
                    if (bundle != null && CoreBundles.isCore(bundle)) {
                        reasons.add(String.valueOf(reference.getProperty(DownReason.PROPERTY)));
                    }
                }
            }
            return reasons;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is invalid", e);
        }
    }

    private static boolean waiting(int state) {
        return state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                || state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                || state == ComponentConfigurationDTO.FAILED_ACTIVATION;
    }

    private static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "waiting for a service";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "waiting for its configuration";
            default -> "failed to activate";
        };
    }
}
