package org.apom.extensions.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Health's view of what may run as an extension: only reviewed or signed jars, or, loudly, any jar in development
 * mode. Development mode does not make a node DOWN (a developer's node serves), but every health answer says it.
 */
@Component(service = ReadinessCheck.class)
public final class ExtensionsReadiness implements ReadinessCheck {

    private final ExtensionManager manager;

    @Activate
    public ExtensionsReadiness(@Reference ExtensionManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "extensions";
    }

    @Override
    public Readiness check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", manager.developmentMode() ? "development" : "reviewed");
        details.put("trustStore", manager.trustStoreConfigured());
        if (manager.developmentMode()) {
            details.put("warning", "DEVELOPMENT MODE: any extension jar that passes the rules runs, without review "
                    + "or signature. Never in production.");
        }
        return Readiness.up(details);
    }
}
