package org.apom.metrics.internal;

import java.io.IOException;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.apom.core.api.ApiApplications;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Times every request of the core API and of the provinces' extension applications and records it by method,
 * route template and status. The request side runs before matching, so it also starts the clock for requests
 * refused before any resource is chosen (401 from authentication, 404, 405); the response side runs for every
 * answer, the problem answers of the exception mapper included. An answer with a body is recorded once the
 * body is written (a register export streams for seconds after the response filters ran).
 *
 * <p>No {@code @Priority} here on purpose: this bundle must not import {@code javax.annotation} (docs/stack.md
 * trap 33), and a pre-matching filter runs before every matched one whatever its priority.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, WriterInterceptor.class},
        scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.EVERY)
@PreMatching
public final class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String STARTED = RequestTimer.class.getName() + ".started";
    private static final String ANSWERED = RequestTimer.class.getName() + ".answered";
    private static final String CORE_BASE = "/api/v1/";

    private final ApomMetrics metrics;
    private final RouteTemplates routes = new RouteTemplates();

    /** The resource method the request matched; package-private so that a unit test can stand in for CXF. */
    @Context
    ResourceInfo matched;

    @Activate
    public RequestTimer(@Reference ApomMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return; // another pre-matching filter answered before this one started the clock
        }
        String prefix = RouteTemplates.prefix(request.getUriInfo().getBaseUri().getPath(), CORE_BASE);
        String route = matched == null ? RouteTemplates.UNMATCHED
                : routes.route(prefix, matched.getResourceClass(), matched.getResourceMethod());
        Answered answered = new Answered(RouteTemplates.method(request.getMethod()), route, response.getStatus(),
                started);
        // HEAD answers carry the entity of GET, but no body is ever written for them
        if (response.hasEntity() && !"HEAD".equals(request.getMethod())) {
            request.setProperty(ANSWERED, answered);
        } else {
            record(answered);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext body) throws IOException {
        try {
            body.proceed();
        } finally {
            if (body.getProperty(ANSWERED) instanceof Answered answered) {
                body.removeProperty(ANSWERED);
                record(answered);
            }
        }
    }

    private void record(Answered answered) {
        metrics.requestServed(answered.method(), answered.route(), answered.status(),
                System.nanoTime() - answered.started());
    }

    /** What the response filter learnt, kept until the body is written. */
    private record Answered(String method, String route, int status, long started) {
    }
}
