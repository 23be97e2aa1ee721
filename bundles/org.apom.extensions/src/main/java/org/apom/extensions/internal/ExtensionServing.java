package org.apom.extensions.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.ws.rs.core.Application;

import org.apom.core.api.ApiApplications;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the provinces' extensions are served at {@code /api/v1/ext/{province}/...} without a gap when one is
 * swapped.
 * <ul>
 * <li>The platform registers one servlet context at {@code /api/v1/ext} and a router in it
 * ({@link ExtensionRouter}).
 * <li>Each province is served by one JAX-RS application ({@link ProvinceGeneration}) built in that context for a
 * fixed set of its extension bundles. The extensions' resource services are hidden from the whiteboard
 * ({@link ExtensionServiceHooks}); the platform registers each again in every application whose set holds its
 * bundle, delegating to the extension's own service objects.
 * <li>A swap builds the next application (the new version's bundle in place of the old one) beside the one that
 * serves, waits until the whiteboard serves every resource of it, then switches the province's route at once
 * ({@link ProvinceRoutes}): requests in flight finish on the old application, new ones go to the new one. Once the
 * old one has no request left (or after {@code drainSeconds}), it is removed.
 * </ul>
 * The whiteboard builds an application synchronously, in the thread that registers it or one of its resources
 * (Aries {@code Whiteboard}: the CXF server is started by {@code CxfJaxrsServiceRegistrator.enable()} and rebuilt by
 * {@code add()}, both within the service event); its runtime DTO lists a resource just before that rebuild. So an
 * application is taken as serving once the registrations have returned, the DTO lists all its resources and its
 * servlet is there.
 */
final class ExtensionServing {

    static final String CONTEXT_NAME = "apom-ext";
    static final String CONTEXT_PATH = "/api/v1/ext";
    /** The property that ties an application, its resources and its servlet together. */
    static final String GENERATION = "apom.extensions.generation";
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionServing.class);

    private final BundleContext context;
    private final Duration drain;
    private final ProvinceRoutes<ProvinceGeneration> routes = new ProvinceRoutes<>();
    /** Every application not yet removed: the one serving each province, those being built and those draining. */
    private final Map<Long, ProvinceGeneration> generations = new ConcurrentHashMap<>();
    // names must not repeat within the whiteboard's life, which can outlast this component's
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final ExtensionRouter router;
    private ServiceTracker<JaxrsServiceRuntime, JaxrsServiceRuntime> runtime;
    private ServiceTracker<Servlet, WhiteboardServlet> servlets;
    private ServiceTracker<Object, ServiceReference<Object>> resources;

    ExtensionServing(BundleContext context, Duration drain) {
        this.context = context;
        this.drain = drain;
        this.router = new ExtensionRouter(routes);
    }

    void open() {
        runtime = new ServiceTracker<>(context, JaxrsServiceRuntime.class, null);
        runtime.open();
        servlets = new ServiceTracker<>(context, filter("(&(" + Constants.OBJECTCLASS + "=" + Servlet.class.getName()
                + ")(" + GENERATION + "=*))"), new Servlets());
        servlets.open();
        resources = new ServiceTracker<>(context, filter("(osgi.jaxrs.resource=true)"), new Resources());
        resources.open();

        Dictionary<String, Object> helper = new Hashtable<>();
        helper.put("osgi.http.whiteboard.context.name", CONTEXT_NAME);
        helper.put("osgi.http.whiteboard.context.path", CONTEXT_PATH);
        registrations.add(context.registerService(ServletContextHelper.class,
                new ServletContextHelper(context.getBundle()) {
                }, helper));
        Dictionary<String, Object> router = new Hashtable<>();
        router.put("osgi.http.whiteboard.servlet.name", "apom-extension-router");
        router.put("osgi.http.whiteboard.servlet.pattern", "/*");
        // not async: a request is counted in flight (for draining) until its service() returns, so it must end there
        router.put("osgi.http.whiteboard.servlet.asyncSupported", false);
        router.put("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")");
        registrations.add(context.registerService(Servlet.class, this.router, router));
    }

    private volatile boolean closed;

    void close() {
        closed = true;
        registrations.forEach(ExtensionServing::unregisterQuietly);
        registrations.clear();
        for (ProvinceGeneration generation : List.copyOf(generations.values())) {
            routes.switchTo(generation.province(), null);
            remove(generation);
        }
        resources.close();
        servlets.close();
        runtime.close();
    }

    /**
     * A swap still running on a manager that was deactivated (its configuration changed) must not build or
     * route anything more: the next manager's start owns the framework now.
     */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the extension manager stopped while a change was running");
        }
    }

    /** The bundles whose resources serve the province now. */
    Set<Long> serving(String province) {
        ProvinceGeneration now = routes.current(province);
        return now == null ? Set.of() : now.bundles();
    }

    /** Every province with an application that serves. */
    Set<String> provinces() {
        Set<String> provinces = new HashSet<>();
        routes.all().forEach(g -> provinces.add(g.province()));
        return provinces;
    }

    /**
     * Builds, beside what serves now, the application for exactly these bundles of the province (start them
     * first), with the resources they have registered so far (those that come later join it as they come, each
     * rebuilding it). Nothing is routed to it.
     */
    ProvinceGeneration prepare(String province, Set<Long> bundles) {
        requireOpen();
        ProvinceGeneration generation = new ProvinceGeneration(ids.incrementAndGet(), province, bundles);
        generations.put(generation.id(), generation);
        // the resources first, the application last: the whiteboard then builds it once, with all of them
        ServiceReference<Object>[] present = resources.getServiceReferences();
        if (present != null) {
            for (ServiceReference<Object> resource : present) {
                if (generation.includes(resource.getBundle())) {
                    addProxy(generation, resource);
                }
            }
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.name", generation.name());
        // unique, so that no application shadows another; the public path is the router's
        properties.put("osgi.jaxrs.application.base", "/g" + generation.id());
        properties.put("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")");
        properties.put(ApiApplications.PROVINCE_PROPERTY, province);
        properties.put(GENERATION, generation.id());
        // the whiteboard serves the application only while the gate that checks who may use it is there
        properties.put("osgi.jaxrs.extension.select", "(" + ExtensionRequests.GATE + "=true)");
        generation.application = context.registerService(Application.class, new ProvinceApplication(), properties);
        return generation;
    }

    /** Waits until the application serves every resource it holds. @return why it does not, or {@code null} */
    String awaitServing(ProvinceGeneration generation) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            String why = notServing(generation);
            if (why == null) {
                // its servlet's own set-up, before its first request rather than during it
                ServletConfig routing = router.getServletConfig();
                if (routing != null) {
                    try {
                        generation.servlet().init(routing.getServletContext());
                    } catch (ServletException | RuntimeException e) {
                        return "the servlet of " + generation.name() + " cannot start: " + e;
                    }
                }
                return null;
            }
            if (System.nanoTime() > deadline) {
                return why;
            }
            Thread.sleep(5);
        }
    }

    /** Routes the province to this application now ({@code null}: to none). @return the one it replaced, closed */
    ProvinceGeneration switchTo(String province, ProvinceGeneration next) {
        requireOpen();
        ProvinceGeneration previous = routes.switchTo(province, next);
        LOG.info("Province {} is now served by {} (was {})", province, next, previous);
        return previous;
    }

    /**
     * Removes an application that no longer serves, once its requests in flight are done (at most
     * {@code drainSeconds}). @return whether they were done
     */
    boolean retire(ProvinceGeneration generation) {
        if (generation == null) {
            return true;
        }
        generation.inFlight().close();
        boolean drained;
        try {
            drained = generation.inFlight().awaitIdle(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        if (!drained) {
            LOG.warn("{}: {} requests still in flight after {}; removed anyway", generation,
                    generation.inFlight().count(), drain);
        }
        remove(generation);
        return drained;
    }

    /** Removes an application that never served. */
    void discard(ProvinceGeneration generation) {
        if (generation != null) {
            generation.inFlight().close();
            remove(generation);
        }
    }

    private void remove(ProvinceGeneration generation) {
        generation.closing(true);
        // the application first: each resource that left it before would have the whiteboard rebuild it, in vain
        unregisterQuietly(generation.application);
        for (ServiceReference<?> resource : List.copyOf(generation.proxies.keySet())) {
            removeProxy(generation, resource);
        }
        generations.remove(generation.id());
        WhiteboardServlet left = generation.servlet();
        if (left != null && generation.servletGone(left)) {
            left.close();
        }
    }

    private String notServing(ProvinceGeneration generation) {
        if (generation.servlet() == null) {
            return "the whiteboard has not deployed " + generation.name();
        }
        JaxrsServiceRuntime jaxrs = runtime.getService();
        if (jaxrs == null) {
            return "the JAX-RS whiteboard is not running";
        }
        RuntimeDTO dto = jaxrs.getRuntimeDTO();
        ApplicationDTO application = null;
        for (ApplicationDTO a : dto.applicationDTOs) {
            if (generation.name().equals(a.name)) {
                application = a;
            }
        }
        if (application == null) {
            return "the whiteboard does not serve " + generation.name();
        }
        Set<Long> served = new HashSet<>();
        for (ResourceDTO resource : application.resourceDTOs) {
            served.add(resource.serviceId);
        }
        for (Map.Entry<ServiceReference<?>, Object> proxy : generation.proxies.entrySet()) {
            if (!(proxy.getValue() instanceof ServiceRegistration<?> registration)) {
                return "a resource of " + proxy.getKey().getBundle() + " is being registered";
            }
            long id;
            try {
                id = (Long) registration.getReference().getProperty(Constants.SERVICE_ID);
            } catch (IllegalStateException gone) {
                continue;
            }
            if (!served.contains(id)) {
                for (FailedResourceDTO failed : dto.failedResourceDTOs) {
                    if (failed.serviceId == id) {
                        return "the whiteboard refused the resource " + proxy.getKey() + " (failure reason "
                                + failed.failureReason + ")";
                    }
                }
                return "the whiteboard does not serve the resource " + proxy.getKey() + " yet";
            }
        }
        return null;
    }

    private void addProxy(ProvinceGeneration generation, ServiceReference<Object> resource) {
        if (generation.closing() || generation.proxies.putIfAbsent(resource, ProvinceGeneration.PENDING) != null) {
            return;
        }
        ServiceRegistration<?> registration = null;
        try {
            registration = registerProxy(generation, resource);
        } catch (IllegalStateException | IllegalArgumentException gone) {
            LOG.debug("Resource {} left before it was served", resource, gone);
        }
        if (registration == null || !generation.proxies.replace(resource, ProvinceGeneration.PENDING, registration)) {
            generation.proxies.remove(resource, ProvinceGeneration.PENDING);
            unregisterQuietly(registration);
        }
    }

    private void removeProxy(ProvinceGeneration generation, ServiceReference<?> resource) {
        Object registration = generation.proxies.remove(resource);
        if (registration instanceof ServiceRegistration<?> r) {
            unregisterQuietly(r);
        }
    }

    /**
     * The extension's resource, registered by the platform in one application: the extension's own service
     * objects serve it, in the scope the extension chose (one instance, or one per request for a prototype).
     */
    private ServiceRegistration<?> registerProxy(ProvinceGeneration generation, ServiceReference<Object> resource) {
        Bundle owner = resource.getBundle();
        ServiceObjects<Object> delegate = owner == null ? null : context.getServiceObjects(resource);
        if (delegate == null) {
            return null;
        }
        if (!generation.province().equals(ExtensionLocation.provinceOf(owner))) {
            return null; // only ever its own province's application
        }
        // nothing of the extension's own properties: a name would clash with the same resource's in the
        // application beside, and a whiteboard property (in any case) could reach beyond its application
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", "true");
        properties.put("osgi.jaxrs.application.select", "(" + GENERATION + "=" + generation.id() + ")");
        properties.put("apom.extensions.bundle", owner.getBundleId());
        Object factory = Constants.SCOPE_PROTOTYPE.equals(resource.getProperty(Constants.SERVICE_SCOPE))
                ? new PrototypeServiceFactory<Object>() {
                    @Override
                    public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                        return delegate.getService();
                    }

                    @Override
                    public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
                        delegate.ungetService(service);
                    }
                }
                : new ServiceFactory<Object>() {
                    @Override
                    public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                        return delegate.getService();
                    }

                    @Override
                    public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
                        delegate.ungetService(service);
                    }
                };
        return context.registerService(new String[] {Object.class.getName()}, factory, properties);
    }

    /** The extensions' resources that the platform serves, as they come and go. */
    private final class Resources implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {
        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> resource) {
            if (!ExtensionServiceHooks.servedInProvince(resource)) {
                return null;
            }
            for (ProvinceGeneration generation : generations.values()) {
                if (generation.includes(resource.getBundle())) {
                    addProxy(generation, resource);
                }
            }
            return resource;
        }

        @Override
        public void modifiedService(ServiceReference<Object> resource, ServiceReference<Object> tracked) {
            for (ProvinceGeneration generation : generations.values()) {
                removeProxy(generation, resource);
                if (ExtensionServiceHooks.servedInProvince(resource) && generation.includes(resource.getBundle())) {
                    addProxy(generation, resource);
                }
            }
        }

        @Override
        public void removedService(ServiceReference<Object> resource, ServiceReference<Object> tracked) {
            for (ProvinceGeneration generation : generations.values()) {
                removeProxy(generation, resource);
            }
        }
    }

    /** The servlets the JAX-RS whiteboard registers for the platform's applications. */
    private final class Servlets implements ServiceTrackerCustomizer<Servlet, WhiteboardServlet> {
        @Override
        public WhiteboardServlet addingService(ServiceReference<Servlet> reference) {
            ProvinceGeneration generation = generationOf(reference);
            if (generation == null || context.getBundle().equals(reference.getBundle())) {
                return null;
            }
            ServiceObjects<Servlet> objects = context.getServiceObjects(reference);
            Servlet servlet = objects == null ? null : objects.getService();
            if (servlet == null) {
                return null;
            }
            Map<String, String> init = new HashMap<>();
            for (String key : reference.getPropertyKeys()) {
                if (key.startsWith("servlet.init.")) {
                    init.put(key.substring("servlet.init.".length()), String.valueOf(reference.getProperty(key)));
                }
            }
            WhiteboardServlet served = new WhiteboardServlet(objects, servlet, init);
            generation.servlet(served);
            return served;
        }

        @Override
        public void modifiedService(ServiceReference<Servlet> reference, WhiteboardServlet servlet) {
        }

        @Override
        public void removedService(ServiceReference<Servlet> reference, WhiteboardServlet servlet) {
            ProvinceGeneration generation = generationOf(reference);
            if (generation != null) {
                generation.servletGone(servlet);
            }
            servlet.close();
        }

        private ProvinceGeneration generationOf(ServiceReference<?> reference) {
            try {
                return generations.get(Long.valueOf(String.valueOf(reference.getProperty(GENERATION))));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** A province's application: its own class, not the whiteboard's default one. */
    static final class ProvinceApplication extends Application {
    }

    private org.osgi.framework.Filter filter(String filter) {
        try {
            return context.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is invalid: " + filter, e);
        }
    }

    private static void unregisterQuietly(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered already (the bundle stopped)
            }
        }
    }
}
