package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Suspected duplicates of the register, and the officer's answer that a pair is two people. */
@Component(service = DuplicatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "volunteers")
@SecurityRequirement(name = "basicAuth")
public final class DuplicatesResource {

    private final VolunteerRegistry registry;

    @Activate
    public DuplicatesResource(@Reference VolunteerRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(operationId = "listDuplicates",
            summary = "Suspected duplicates: pairs of records with the same names and birth date")
    @ApiResponse(responseCode = "200", description = "A page of pairs", useReturnTypeSchema = true)
    public Page<DuplicatePairJson> list(@QueryParam("province") String province, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        ProvinceCode code = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province, ProvinceCode::of);
        return registry.duplicates(caller, code, Requests.page(limit, cursor)).map(p -> DuplicatePairJson.of(p, caller));
    }

    @POST
    @Path("dismissals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "dismissDuplicate",
            summary = "Record that a suspected pair is two different people (remembered); 204")
    @ApiResponse(responseCode = "204", description = "Dismissed")
    public Response dismiss(Dismissal dismissal, @Context SecurityContext security) {
        Requests.body(dismissal);
        List<String> ids = dismissal.ids() == null ? List.of() : dismissal.ids();
        registry.dismissDuplicate(callerOf(security.getUserPrincipal()), ids.size() == 2 ? ids.get(0) : null,
                ids.size() == 2 ? ids.get(1) : null, dismissal.reason());
        return Response.noContent().build();
    }
}
