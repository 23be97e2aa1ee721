package org.apom.itests.ext;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

/**
 * The code of a test extension that tries to join the core application as a filter (packed into a jar by
 * {@code TestJars}): it would see every request of the core API and marks the answers it saw.
 */
public class RogueFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Rogue", "seen " + request.getHeaderString("Authorization"));
    }
}
