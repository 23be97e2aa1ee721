package org.apom.extensions.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The services between extensions and the rest of the platform, both ways.
 * <ul>
 * <li>What an extension may see: the extension SPI's services ({@code ProvinceRegister}, which reads as the
 * extension's own province), OSGi logging, and its own. The core services (the register itself, users, tokens,
 * the audit trail) are hidden from it, so an extension cannot reach them with a {@code Caller} of its own making:
 * importing their API packages is allowed, getting them is not.
 * <li>What the platform may see of an extension: its SPI services ({@code RecordCheck}). Its JAX-RS resources for
 * its province are seen by this bundle only, which registers them again in the application that serves the
 * province ({@link ExtensionServing}); the whiteboard never takes them up itself. Anything else it registers (a
 * resource or filter for the core application or the whiteboard's default one, an application, a servlet) is
 * hidden from every other bundle, so the whiteboards never serve it.
 * <li>The servlets the JAX-RS whiteboard registers for the provinces' applications are seen by this bundle only
 * (and the whiteboard), which calls them from its router: the HTTP whiteboard would serve only one of them.
 * </ul>
 * Registered before the manager installs any extension (the manager references this component).
 */
@Component(service = {FindHook.class, EventListenerHook.class, ExtensionServiceHooks.class})
public final class ExtensionServiceHooks implements FindHook, EventListenerHook {

    private static final String[] ALLOWED_PACKAGES = {"org.apom.extensions.api.", "org.osgi.service.log."};
    /**
     * Kinds of contribution outside the SPI package that the platform takes from an extension: a province's own
     * grading criteria and award programs. Only these types: an extension still sees none of those packages'
     * services (the grading itself, {@code org.apom.tiering.api.Tiering}, the nominations), since what it may use is
     * {@link #ALLOWED_PACKAGES} alone.
     */
    private static final java.util.Set<String> CONTRIBUTED_TYPES = java.util.Set.of(
            "org.apom.tiering.api.TierCriterion", "org.apom.recognition.api.AwardProgram");
    /**
     * Property namespaces by which a service offers itself to a whiteboard other than JAX-RS and HTTP (Gogo's
     * commands, remote services). Not {@code osgi.} as a whole: Declarative Services gives every component's
     * service {@code osgi.ds.satisfying.condition.target}.
     */
    private static final String[] OTHER_WHITEBOARDS = {"osgi.command.", "service.exported.", "osgi.remote.",
        "osgi.jndi."};

    private final Bundle platform;

    @Activate
    public ExtensionServiceHooks(BundleContext context) {
        this.platform = context.getBundle();
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        Bundle viewer = context.getBundle();
        boolean extension = ExtensionLocation.isExtension(viewer);
        references.removeIf(reference -> extension ? !mayUse(viewer, reference) : !offered(reference, viewer, platform));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        listeners.keySet().removeIf(context -> {
            Bundle viewer = context.getBundle();
            return ExtensionLocation.isExtension(viewer) ? !mayUse(viewer, reference)
                    : !offered(reference, viewer, platform);
        });
    }

    /**
     * Whether a service may be seen by a bundle of the platform ({@code viewer}): any of the platform's but the
     * provinces' servlets, and of an extension's only its SPI services, and its province's resources by
     * {@code platform} (this bundle) alone.
     */
    static boolean offered(ServiceReference<?> reference, Bundle viewer, Bundle platform) {
        Bundle owner = reference.getBundle();
        if (!ExtensionLocation.isExtension(owner)) {
            return !isProvinceServlet(reference) || viewer.equals(owner) || viewer.equals(platform);
        }
        // property keys are case-insensitive in OSGi: OSGI.JAXRS.RESOURCE is a resource for the whiteboard too
        for (String key : keys(reference)) {
            if (key.startsWith("osgi.jaxrs.") || key.startsWith("osgi.http.whiteboard")) {
                return viewer.equals(platform) && servedInProvince(reference);
            }
        }
        for (String key : keys(reference)) {
            for (String whiteboard : OTHER_WHITEBOARDS) {
                if (key.startsWith(whiteboard)) {
                    return false; // for another whiteboard (a shell command, a remote service): never
                }
            }
        }
        return ofAllowedTypes(reference) || ofContributedTypes(reference);
    }

    /** Whether every type the service is registered under is a contribution the platform takes. */
    private static boolean ofContributedTypes(ServiceReference<?> reference) {
        for (String type : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            if (!CONTRIBUTED_TYPES.contains(type)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an extension's service is a JAX-RS resource the platform serves in the extension's province: it
     * selects no application, or (as extensions written before the platform chose for them did) exactly its own
     * province's; and it is nothing else for a whiteboard.
     */
    static boolean servedInProvince(ServiceReference<?> reference) {
        String province = ExtensionLocation.provinceOf(reference.getBundle());
        if (province == null || !"true".equals(String.valueOf(reference.getProperty("osgi.jaxrs.resource")))) {
            return false;
        }
        for (String key : keys(reference)) {
            if (key.startsWith("osgi.http.whiteboard") || key.equals("osgi.jaxrs.extension")
                    || key.equals("osgi.jaxrs.application.base")) {
                return false;
            }
        }
        // getProperty ignores the key's case, as the framework does
        Object select = reference.getProperty("osgi.jaxrs.application.select");
        return select == null
                || ("(osgi.jaxrs.name=" + ApiApplications.extensionApplication(province) + ")").equals(select);
    }

    /** The service's property keys in lower case. */
    private static List<String> keys(ServiceReference<?> reference) {
        return Arrays.stream(reference.getPropertyKeys()).map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    /** The CXF servlet of a province's application ({@link ExtensionServing#GENERATION}). */
    private static boolean isProvinceServlet(ServiceReference<?> reference) {
        if (reference.getProperty(ExtensionServing.GENERATION) == null) {
            return false;
        }
        for (String type : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            if (type.equals("javax.servlet.Servlet")) {
                return true;
            }
        }
        return false;
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
