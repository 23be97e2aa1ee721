package org.apom.extensions.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.Application;

import org.apom.core.api.ApiApplications;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One JAX-RS application per province that has extensions, at {@code /api/v1/ext/{province}}: Aries rebuilds
 * a whole application when one of its resources comes or goes, so a province's swap rebuilds its own
 * application only, never the core one or another province's.
 */
final class ExtensionApplications {

    private final BundleContext context;
    private final Map<String, ServiceRegistration<Application>> registered = new HashMap<>();

    ExtensionApplications(BundleContext context) {
        this.context = context;
    }

    /** Registers the applications of exactly these provinces ({@code *} for the ministry-wide one). */
    synchronized void serve(Set<String> provinces) {
        registered.keySet().removeIf(p -> {
            if (!provinces.contains(p)) {
                registered.get(p).unregister();
                return true;
            }
            return false;
        });
        for (String province : provinces) {
            registered.computeIfAbsent(province, this::register);
        }
    }

    synchronized void close() {
        registered.values().forEach(ServiceRegistration::unregister);
        registered.clear();
    }

    private ServiceRegistration<Application> register(String province) {
        Dictionary<String, Object> properties = new Hashtable<>();
        String name = ApiApplications.extensionApplication(province);
        properties.put("osgi.jaxrs.name", name);
        properties.put("osgi.jaxrs.application.base", "/api/v1/ext/" + ("*".equals(province) ? "all" : province));
        properties.put(ApiApplications.PROVINCE_PROPERTY, province);
        // the whiteboard serves the application only while the gate that checks who may use it is there
        properties.put("osgi.jaxrs.extension.select", "(" + ExtensionRequests.GATE + "=true)");
        return context.registerService(Application.class, new ProvinceApplication(), properties);
    }

    /** A province's application: its own class, not the whiteboard's default one. */
    static final class ProvinceApplication extends Application {
    }
}
