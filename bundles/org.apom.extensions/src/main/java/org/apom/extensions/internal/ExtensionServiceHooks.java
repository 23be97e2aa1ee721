package org.apom.extensions.internal;

import java.util.Collection;
import java.util.Map;

import org.apom.core.api.ApiApplications;
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
 * The services between extensions and the rest of the platform, both ways.
 * <ul>
 * <li>What an extension may see: the extension SPI's services ({@code ProvinceRegister}, which reads as the
 * extension's own province), OSGi logging, and its own. The core services (the register itself, users, tokens,
 * the audit trail) are hidden from it, so an extension cannot reach them with a {@code Caller} of its own making:
 * importing their API packages is allowed, getting them is not.
 * <li>What the platform may see of an extension: its SPI services ({@code RecordCheck}) and JAX-RS resources of
 * its own province's application. Anything else it registers (a resource or filter for the core application or
 * the whiteboard's default one, an application, a servlet) is hidden from every other bundle, so the whiteboards
 * never serve it.
 * </ul>
 * Registered before the manager installs any extension (the manager references this component).
 */
@Component(service = {FindHook.class, EventListenerHook.class, ExtensionServiceHooks.class})
public final class ExtensionServiceHooks implements FindHook, EventListenerHook {


    private static final String[] ALLOWED_PACKAGES = {"org.apom.extensions.api.", "org.osgi.service.log."};

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        boolean extension = isExtension(context);
        references.removeIf(reference -> extension ? !mayUse(context.getBundle(), reference) : !offered(reference));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        listeners.keySet().removeIf(context -> isExtension(context) ? !mayUse(context.getBundle(), reference)
                : !offered(reference));
    }

    /** Whether a service may be seen by the platform's bundles: any of theirs, and of an extension's only these. */
    static boolean offered(ServiceReference<?> reference) {
        Bundle owner = reference.getBundle();
        if (!ExtensionLocation.isExtension(owner)) {
            return true;
        }
        boolean forWhiteboards = false;
        for (String key : reference.getPropertyKeys()) {
            if (key.startsWith("osgi.http.whiteboard") || key.equals("osgi.jaxrs.extension")
                    || key.equals("osgi.jaxrs.application.base")) {
                return false;
            }
            forWhiteboards |= key.startsWith("osgi.jaxrs.");
        }
        if (!forWhiteboards) {
            return ofAllowedTypes(reference);
        }
        String province = ExtensionLocation.provinceOf(owner);
        if (province == null) {
            return false;
        }
        String ownApplication = "(osgi.jaxrs.name=" + ApiApplications.extensionApplication(province) + ")";
        return "true".equals(String.valueOf(reference.getProperty("osgi.jaxrs.resource")))
                && ownApplication.equals(reference.getProperty("osgi.jaxrs.application.select"));
    }

    static boolean isExtension(BundleContext context) {
        return ExtensionLocation.isExtension(context.getBundle());
    }

    static boolean mayUse(Bundle extension, ServiceReference<?> reference) {
        return extension.equals(reference.getBundle()) || ofAllowedTypes(reference);
    }

    private static boolean ofAllowedTypes(ServiceReference<?> reference) {
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
