package org.apom.rest.internal.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apom.rest.internal.CoreBundles;
import org.apom.rest.internal.health.HealthJson.ComponentJson;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether every component of the core bundles is satisfied. A bundle can be ACTIVE while its resources
 * still wait for a service (the database, a persistence unit); until they arrive the node answers part of
 * the API, and each late resource rebuilds the whole application, so the node is not ready yet.
 */
final class ComponentsCheck {

    private ComponentsCheck() {
    }

    static ComponentJson of(ServiceComponentRuntime scr, Bundle[] bundles) {
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
        return new ComponentJson(waiting.isEmpty() ? HealthJson.UP : HealthJson.DOWN, details);
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
