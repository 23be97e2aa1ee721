package org.apom.extensions.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.Application;

import org.apom.core.api.ApiApplications;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * One JAX-RS application of a province, holding the resources of a fixed set of its extension bundles. A swap
 * never changes the application that serves: it builds the next one beside it (the new version's bundle in
 * place of the old), and the router switches to it once it serves all its resources.
 */
final class ProvinceGeneration implements ProvinceRoutes.Target {

    /** A proxy being registered (its registration has not returned yet). */
    static final Object PENDING = new Object();

    private final long id;
    private final String province;
    private final Set<Long> bundles;
    private final InFlight inFlight = new InFlight();
    /** The platform's resource registrations in this application, by the extension's resource service. */
    final Map<ServiceReference<?>, Object> proxies = new ConcurrentHashMap<>();
    volatile ServiceRegistration<Application> application;
    private volatile WhiteboardServlet servlet;
    private volatile boolean closing;

    ProvinceGeneration(long id, String province, Set<Long> bundles) {
        this.id = id;
        this.province = province;
        this.bundles = Set.copyOf(bundles);
    }

    long id() {
        return id;
    }

    String province() {
        return province;
    }

    Set<Long> bundles() {
        return bundles;
    }

    /** The application's name in the whiteboard: {@code apom-ext-50-g17}. */
    String name() {
        return ApiApplications.extensionApplication(province) + "-g" + id;
    }

    boolean includes(Bundle bundle) {
        return bundle != null && bundles.contains(bundle.getBundleId());
    }

    @Override
    public InFlight inFlight() {
        return inFlight;
    }

    boolean closing() {
        return closing;
    }

    void closing(boolean closing) {
        this.closing = closing;
    }

    WhiteboardServlet servlet() {
        return servlet;
    }

    synchronized void servlet(WhiteboardServlet servlet) {
        this.servlet = servlet;
    }

    /** Forgets the servlet if it is this one (the whiteboard took it back). */
    synchronized boolean servletGone(WhiteboardServlet gone) {
        if (servlet == gone) {
            servlet = null;
            return true;
        }
        return false;
    }

    void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        WhiteboardServlet now = servlet;
        if (now == null) {
            // the whiteboard is deploying the application again (one of its extensions changed)
            throw new ServletException("The application " + name() + " is being deployed");
        }
        now.service(request, response);
    }

    @Override
    public String toString() {
        return name() + bundles;
    }
}
