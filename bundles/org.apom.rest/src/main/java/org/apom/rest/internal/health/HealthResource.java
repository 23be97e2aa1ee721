package org.apom.rest.internal.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apom.core.api.health.ReadinessCheck;
import org.apom.rest.internal.ApomApplication;
import org.apom.rest.internal.CoreBundles;
import org.apom.rest.internal.health.HealthJson.ComponentJson;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Whether this node can serve: its database answers, every core bundle is active, every core component is
 * satisfied, every core resource is served, and every {@link ReadinessCheck} a core bundle registered (the
 * pool, audit sealing, the accounts) is UP. Public, for load balancers and monitoring; 503 when DOWN so a
 * balancer takes the node out (and keeps it out while it is still starting).
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + ApomApplication.NAME + ")")
@JSONRequired
@Path("health")
@Tag(name = "platform", description = "Health and description of the platform")
public final class HealthResource {

    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            fieldOption = FieldOption.UPDATE)
    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime components;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JaxrsServiceRuntime jaxrs;

    @Activate
    public HealthResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHealth", summary = "Health of this node (public)")
    @ApiResponse(responseCode = "200", description = "UP",
            content = @Content(schema = @Schema(implementation = HealthJson.class)))
    @ApiResponse(responseCode = "503", description = "DOWN, with the failing components",
            content = @Content(schema = @Schema(implementation = HealthJson.class)))
    public Response health() {
        Map<String, ComponentJson> components = new LinkedHashMap<>();
        // each part answers from what it already knows: health is public and polled, and takes no connection
        components.putAll(ReadinessChecks.of(checks));
        components.put("bundles", bundles());
        components.put("components", ComponentsCheck.of(this.components, context.getBundles()));
        components.put("api", ApiCheck.of(jaxrs, context));
        boolean up = components.values().stream().allMatch(ComponentJson::up);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new HealthJson(up ? HealthJson.UP : HealthJson.DOWN, components))
                .build();
    }

    /** What {@link #live()} answers. */
    public record Liveness(String status) {
    }

    private static final Liveness LIVE = new Liveness(HealthJson.UP);

    @GET
    @Path("live")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLiveness",
            summary = "Liveness of this node (public): it answers HTTP; nothing else is checked, no database is "
            + "touched (for a process supervisor, and the benchmarks' ceiling)")
    @ApiResponse(responseCode = "200", description = "UP",
            content = @Content(schema = @Schema(implementation = Liveness.class)))
    public Liveness live() {
        return LIVE;
    }

    private ComponentJson bundles() {
        int active = 0;
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (!CoreBundles.isCore(b) || CoreBundles.isFragment(b)) {
                continue;
            }
            if (b.getState() == Bundle.ACTIVE) {
                active++;
            } else {
                notActive.add(b.getSymbolicName() + " " + b.getVersion());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("active", active);
        if (!notActive.isEmpty()) {
            details.put("notActive", notActive);
        }
        return new ComponentJson(notActive.isEmpty() && active > 0 ? HealthJson.UP : HealthJson.DOWN, details);
    }
}
