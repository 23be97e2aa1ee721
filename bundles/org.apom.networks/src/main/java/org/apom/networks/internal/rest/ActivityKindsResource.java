package org.apom.networks.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.networks.api.ActivityKind;
import org.apom.networks.api.ActivityKinds;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The catalogue of activity kinds over HTTP. */
@Component(service = ActivityKindsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("activity-kinds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks")
@SecurityRequirement(name = "basicAuth")
public final class ActivityKindsResource {

    private final ActivityKinds kinds;

    @Activate
    public ActivityKindsResource(@Reference ActivityKinds kinds) {
        this.kinds = kinds;
    }

    @GET
    @Operation(operationId = "listActivityKinds", summary = "The activity catalogue, Thai and English names, "
            + "answered whole")
    @ApiResponse(responseCode = "200", description = "The kinds", useReturnTypeSchema = true)
    public Page<ActivityKind> list(@Context SecurityContext security) {
        AccessPolicy.requireAny(callerOf(security.getUserPrincipal()), Action.NETWORKS_READ);
        return Page.complete(kinds.list());
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getActivityKind", summary = "One kind of the catalogue")
    @ApiResponse(responseCode = "200", description = "The kind",
            content = @Content(schema = @Schema(implementation = ActivityKind.class)))
    public ActivityKind get(@PathParam("code") String code, @Context SecurityContext security) {
        AccessPolicy.requireAny(callerOf(security.getUserPrincipal()), Action.NETWORKS_READ);
        return kinds.find(code).orElseThrow(() -> ProblemException.notFound("not-found", LocalizedText.of(
                "The catalogue has no such kind.", "ไม่มีประเภทกิจกรรมนี้ในรายการ")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addActivityKind", summary = "Add a kind to the catalogue (central IT); 409 when the "
            + "code is taken")
    @ApiResponse(responseCode = "201", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Added", content = @Content(schema = @Schema(implementation = ActivityKind.class)))
    public Response add(ActivityKind kind, @Context SecurityContext security, @Context UriInfo uri) {
        ActivityKind added = kinds.add(callerOf(security.getUserPrincipal()), Requests.body(kind));
        return Response.created(uri.getAbsolutePathBuilder().path(added.code()).build()).entity(added).build();
    }
}
