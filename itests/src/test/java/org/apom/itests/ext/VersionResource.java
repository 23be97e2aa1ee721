package org.apom.itests.ext;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

/**
 * The code of a test extension (packed into a jar by {@code TestJars}): answers the version its component
 * description names, so that a swap shows in its answer.
 */
@Path("version")
public class VersionResource {

    private volatile String version;

    public void activate(Map<String, Object> properties) {
        version = String.valueOf(properties.get("apom.sample.version"));
    }

    @GET
    @Produces("text/plain")
    public String version() {
        return version;
    }
}
