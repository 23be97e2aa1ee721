package org.apom.recognition.internal.rest;

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

import org.apom.core.api.Page;
import org.apom.core.api.problem.Requests;
import org.apom.recognition.api.HonourInput;
import org.apom.recognition.api.Honours;
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

/** The honours a volunteer holds, and the ministry's record of those from before the platform. */
@Component(service = HonoursResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers/{id}/awards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recognition")
@SecurityRequirement(name = "basicAuth")
public final class HonoursResource {

    private final Honours honours;

    @Activate
    public HonoursResource(@Reference Honours honours) {
        this.honours = honours;
    }

    @GET
    @Operation(operationId = "listHonours", summary = "The honours the volunteer holds, earliest first: conferred "
            + "through nominations (with the date, a Direkgunabhorn class and the gazette reference when known) or "
            + "recorded from before. Answered whole")
    @ApiResponse(responseCode = "200", description = "The honours", useReturnTypeSchema = true)
    public Page<HonourJson> honours(@PathParam("id") String id, @Context SecurityContext security) {
        return Page.complete(honours.of(callerOf(security.getUserPrincipal()), id).stream().map(HonourJson::of)
                .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordHonour", summary = "Record an honour the volunteer received before the platform "
            + "(central admins, from the ministry's records), so that eligibility counts it")
    @ApiResponse(responseCode = "201", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Recorded", content = @Content(schema = @Schema(implementation = HonourJson.class)))
    public Response record(@PathParam("id") String id, NewHonourJson body, @Context SecurityContext security,
            @Context UriInfo uri) {
        NewHonourJson h = Requests.body(body);
        HonourJson recorded = HonourJson.of(honours.record(callerOf(security.getUserPrincipal()), id,
                new HonourInput(h.awardCode(), h.awardClass(), h.fiscalYear() == null ? null
                        : h.fiscalYear().toString(), h.conferredOn(), h.gazetteReference())));
        return Response.status(Response.Status.CREATED).entity(recorded).location(uri.getAbsolutePath()).build();
    }
}
