package org.apom.extensions.internal;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Component;

/**
 * What services an extension bundle may see: those of the extension SPI ({@code ProvinceRegister}, which reads
 * as the extension's own province), OSGi logging, and its own. The core services (the register itself, users,
 * tokens, the audit trail) are hidden from it, so an extension cannot reach them with a {@code Caller} of its own
 * making: importing their API packages is allowed, getting them is not. Registered before the manager installs
 * any extension (the manager references this component).
 */
@Component(service = {FindHook.class, EventListenerHook.class, ExtensionServiceHooks.class})
public final class ExtensionServiceHooks implements FindHook, EventListenerHook {

    private static final String[] ALLOWED_PACKAGES = {"org.apom.extensions.api.", "org.osgi.service.log."};

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (isExtension(context)) {
            references.removeIf(reference -> !mayUse(context.getBundle(), reference));
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        listeners.keySet().removeIf(context -> isExtension(context) && !mayUse(context.getBundle(), reference));
    }

    static boolean isExtension(BundleContext context) {
        Bundle bundle = context.getBundle();
        return bundle != null && bundle.getLocation().startsWith(ExtensionBundles.LOCATION);
    }

    static boolean mayUse(Bundle extension, ServiceReference<?> reference) {
        if (extension.equals(reference.getBundle())) {
            return true;
        }
        for (String type : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            boolean allowed = false;
            for (String p : ALLOWED_PACKAGES) {
                allowed |= type.startsWith(p);
            }
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
