package org.apom.rest.internal;

import java.util.SortedSet;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.apom.core.api.ApiApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The {@code Allow} of the runtime's own answer to an {@code OPTIONS}, for the core application: CXF answers it
 * itself (no resource method has {@code @OPTIONS}) with every method of every root resource, so it would tell a
 * client that {@code /areas/provinces} takes DELETE while a DELETE there answers 405 naming GET, HEAD and OPTIONS.
 * Both now name what the address accepts ({@link AllowedMethods}).
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + ApiApplications.CORE + ")")
public final class OptionsAllowFilter implements ContainerResponseFilter {

    /** Where the methods an address accepts come from; without it, the runtime's own list. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AddressMethods methods;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        AddressMethods served = methods;
        if (served == null || !HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() != 200
                || !response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            return;
        }
        SortedSet<String> allowed = served.at(request.getUriInfo().getPath(false));
        if (!allowed.isEmpty()) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
    }
}
